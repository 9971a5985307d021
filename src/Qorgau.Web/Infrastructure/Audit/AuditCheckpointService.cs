using Microsoft.Extensions.Options;

namespace Qorgau.Web.Infrastructure.Audit;

/// <summary>
/// Writes audit checkpoints: at start, whenever the log reaches a multiple of <c>Audit:CheckpointEvery</c>
/// entries, every <c>Audit:CheckpointMinutes</c>, and when the app stops. Each writes only if the
/// log grew since the last one.
/// </summary>
public sealed class AuditCheckpointService(
    IServiceScopeFactory scopes,
    AuditCheckpointSignal checkpointDue,
    IOptions<AuditOptions> options,
    ILogger<AuditCheckpointService> logger) : BackgroundService
{
    private readonly Lock _stopping = new();
    private Task? _stopped;

    // The test host (and some hosts) call StopAsync twice, the second time while disposing: every call
    // waits for the one final checkpoint, which is written once, before the services are disposed.
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_stopping)
        {
            return _stopped ??= StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.CheckpointMinutes)));
        var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
        var signal = checkpointDue.WaitAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WriteAsync(stoppingToken);
                var woke = await Task.WhenAny(tick, signal);
                await woke;
                if (woke == tick)
                {
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else
                {
                    signal = checkpointDue.WaitAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the last checkpoint.
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A database error's message names tables, never content; the next mark or tick tries again.
            logger.LogWarning("Audit checkpoint failed: {Error}", exception.GetType().Name);
        }
    }
}
