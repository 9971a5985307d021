using System.Net;
using Qorgau.Domain.Security;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.IntegrationTests.Intake;
using Qorgau.Web.Infrastructure.CommandLine;

namespace Qorgau.IntegrationTests.Doors;

/// <summary>
/// Sign-in starvation (issue 13): 30 parallel receipt guesses slowed a staff sign-in from 0.9 s to 18 s,
/// because both waited for the same Argon2id gate. Staff work has a lane of its own: with the public lane
/// held full, as a crowd of guesses would hold it, a staff sign-in still completes, while a receipt
/// attempt waits. No timing is asserted; the timeouts only keep a broken build from hanging.
/// </summary>
public sealed class SignInStarvationTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static readonly TimeSpan DeadlockGuard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_staff_sign_in_completes_while_anonymous_derivations_hold_every_public_slot()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await IntakeApi.FileAsync(client, "Receipt for the starvation test.");
        var held = await HoldPublicLaneAsync();
        Task<HttpResponseMessage>? guess = null;
        try
        {
            guess = IntakeApi.PostAsync(app.CreateClient(acceptLanguage: "en"), IntakeApi.SessionUrl, new { receipt = filed.Receipt });

            var browser = new StaffBrowser(app.CreateClient(acceptLanguage: "en"));
            var signIn = await browser.SignInWithPasswordAsync(DemoAccounts.Email("supervisor"), DemoVerb.DemoPassword).WaitAsync(DeadlockGuard, TestContext.Current.CancellationToken);

            StaffBrowser.RedirectTarget(signIn).ShouldBe("/account/authenticator");
            guess.IsCompleted.ShouldBeFalse("the receipt attempt needs a public slot, and every one is held");
        }
        finally
        {
            Argon2.Gate(Argon2Lane.Public).Release(held);
        }

        (await guess.WaitAsync(DeadlockGuard, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Staff_and_anonymous_work_wait_at_different_gates()
    {
        Argon2.Gate(Argon2Lane.Staff).ShouldNotBeSameAs(Argon2.Gate(Argon2Lane.Public));
    }

    /// <summary>Takes every slot of the public lane (waiting for derivations of other tests to finish); returns how many.</summary>
    private static async Task<int> HoldPublicLaneAsync()
    {
        var gate = Argon2.Gate(Argon2Lane.Public);
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
        }

        return Environment.ProcessorCount;
    }
}
