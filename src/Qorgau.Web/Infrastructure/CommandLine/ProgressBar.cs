namespace Qorgau.Web.Infrastructure.CommandLine;

/// <summary>A one-line progress bar, drawn only when the output is a terminal (never into a log or a pipe).</summary>
internal sealed class ProgressBar(VerbContext context, long total) : IDisposable
{
    private const int Width = 30;
    private int _lastPercent = -1;

    public void Report(long done)
    {
        if (!context.IsTerminal || total <= 0)
        {
            return;
        }

        var percent = (int)Math.Clamp(done * 100 / total, 0, 100);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        context.Out.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%");
    }

    public void Dispose()
    {
        if (_lastPercent >= 0)
        {
            context.Out.WriteLine();
        }
    }
}
