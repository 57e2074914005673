using System.Globalization;

namespace DocLint.Cli.Commands;

/// <summary>
/// One line on standard error while a long run goes on: files done of all, megabytes a second and findings
/// so far, redrawn in place at most ten times a second. With "auto" it shows only when standard error is a
/// terminal and the run has taken more than a second; it is erased before findings are printed and at the end.
/// </summary>
internal sealed class ProgressLine(CliContext context, string mode, int total)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly bool _enabled = mode == "always" || (mode == "auto" && !context.IsErrorRedirected && context.GetEnvironmentVariable("TERM") != "dumb");
    private long _started = -1;
    private long _lastDrawn;
    private int _done;
    private long _bytes;
    private int _findings;
    private bool _visible;

    public void Done(string path, int findings)
    {
        if (!_enabled)
        {
            return;
        }

        if (_started < 0)
        {
            _started = context.Time.GetTimestamp();
        }

        _done++;
        _findings += findings;
        try
        {
            _bytes += path.StartsWith('<') ? 0 : new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        var elapsed = context.Time.GetElapsedTime(_started);
        if (elapsed < Delay || (_visible && context.Time.GetElapsedTime(_lastDrawn) < Interval))
        {
            return;
        }

        _lastDrawn = context.Time.GetTimestamp();
        var rate = _bytes / 1e6 / Math.Max(elapsed.TotalSeconds, 0.001);
        context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r\x1b[K{_done:N0}/{total:N0} files · {rate:0.0} MB/s · {_findings:N0} findings"));
        context.Error.Flush();
        _visible = true;
    }

    /// <summary>Erases the line, so that what comes next starts at the left margin.</summary>
    public void Clear()
    {
        if (_visible)
        {
            context.Error.Write("\r\x1b[K");
            _visible = false;
        }
    }
}
