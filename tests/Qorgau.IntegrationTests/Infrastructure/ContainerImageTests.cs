using System.Diagnostics;

namespace Qorgau.IntegrationTests.Infrastructure;

/// <summary>
/// The repository's <c>Containerfile</c> builds, and its image runs the app as an unprivileged account on
/// a read-only root file system. Needs a container builder (docker with a running daemon, or podman) and
/// the base images' registry; on a machine without a builder the test is skipped, saying why.
/// </summary>
public sealed class ContainerImageTests
{
    private const string Tag = "qorgau-test-image";

    [Fact]
    public async Task The_containerfile_builds_an_image_that_runs_as_non_root_on_a_read_only_file_system()
    {
        var builder = await FindBuilderAsync();
        Assert.SkipWhen(builder is null, "no container builder on this machine (docker with a running daemon, or podman)");

        var build = await RunAsync(builder!, TimeSpan.FromMinutes(30), "build", "-f", "Containerfile", "-t", Tag, ".");
        build.ExitCode.ShouldBe(0, build.Output);

        var user = await RunAsync(builder!, TimeSpan.FromMinutes(1), "image", "inspect", "--format", "{{.Config.User}}", Tag);
        user.Output.Trim().ShouldNotBeOneOf("", "root", "0", "0:0");

        var help = await RunAsync(builder!, TimeSpan.FromMinutes(2), "run", "--rm", "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL", Tag, "help");
        help.ExitCode.ShouldBe(0, help.Output);
        help.Output.ShouldContain("backup");
    }

    private static async Task<string?> FindBuilderAsync()
    {
        foreach (var candidate in new[] { "podman", "docker" })
        {
            try
            {
                if ((await RunAsync(candidate, TimeSpan.FromSeconds(30), "info")).ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return null;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }
}
