using System.Buffers;
using System.Text.Json;
using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting.Sarif;

/// <summary>
/// SARIF written as a run goes on. Each part's results (one file's, in path order) are turned into their JSON as
/// they come, into pooled blocks; the log is put together when the run is done, since a run's header counts what
/// was left out. A run keeps at most <see cref="SarifLimits.MaxResults"/> results, the most severe first (then in
/// path order), so of each severity no more than that many are held: memory stays bounded however large the run.
/// The log is the same, byte for byte, whether the findings come in one part or file by file.
/// </summary>
public sealed class SarifLogWriter
{
    /// <summary>How deep a result sits in the log: the log object, "runs", a run, "results".</summary>
    private const int ResultDepth = 4;

    private readonly SarifOptions _options;
    private readonly Dictionary<string, RunSpool> _runs = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _chunk = new(4096);
    private readonly Utf8JsonWriter _chunkWriter;
    private readonly byte[] _plainTail;
    private readonly byte[] _suppressedTail;
    private Dictionary<string, int>? _ruleIndex;
    private string? _lastPath;
    private string _lastRun = "";
    private long _sequence;

    public SarifLogWriter(SarifOptions options)
    {
        _options = options;
        _chunkWriter = JsonOutput.CreateWriter(_chunk);

        // The writer stands where a result is written in the log, so that a result comes out indented as it is there.
        for (var depth = 0; depth < ResultDepth; depth++)
        {
            if (depth % 2 == 0)
            {
                _chunkWriter.WriteStartObject();
            }
            else
            {
                _chunkWriter.WriteStartArray(depth == 1 ? "runs" : "results");
            }
        }

        _chunkWriter.Flush();
        _chunk.ResetWrittenCount();

        // What closes a result when its run has suppressions: every result then has the array, empty unless suppressed.
        _plainTail = Tail(suppressed: false);
        _suppressedTail = Tail(suppressed: true);
    }

    /// <summary>Takes the findings of <paramref name="part"/>: results, and DocLint's own problems as notifications.</summary>
    public void Add(Report part)
    {
        _ruleIndex ??= part.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var d in part.Diagnostics)
        {
            var isResult = _ruleIndex.ContainsKey(d.Id);
            if (isResult ? d.Severity <= DiagnosticSeverity.None || (_options.OmitSuppressed && d.IsSuppressed) : !SarifReporter.IsEngine(d))
            {
                continue;
            }

            var run = RunOf(part, d.Path);
            if (!isResult)
            {
                run.Notifications.Add(d);
                continue;
            }

            var severity = Math.Clamp((int)d.Severity, 0, run.Buckets.Length - 1);
            var bucket = run.Buckets[severity];
            if (bucket.Count++ >= _options.Limits.MaxResults || !run.MayKeep(severity, _options.Limits.MaxResults))
            {
                // Of one severity, the first ones are kept: one past the limit can never be, nor one of a severity
                // whose betters fill the run on their own.
                continue;
            }

            SarifReporter.WriteResult(_chunkWriter, part, d, _ruleIndex[d.Id], withSuppressions: false);
            _chunkWriter.Flush();
            var json = _chunk.WrittenSpan;
            bucket.Add(_sequence++, json[0] == (byte)',' ? json[1..] : json, d.IsSuppressed);
            _chunk.ResetWrittenCount();
        }
    }

    private RunSpool RunOf(Report part, string path)
    {
        if (_options.SplitByFolder && path != _lastPath)
        {
            _lastPath = path;
            _lastRun = SarifReporter.TopFolder(part, path);
        }

        var key = _options.SplitByFolder ? _lastRun : "";
        if (!_runs.TryGetValue(key, out var run))
        {
            _runs[key] = run = new RunSpool();
        }

        return run;
    }

    /// <summary>
    /// The runs the findings make: one, or with <see cref="SarifOptions.SplitByFolder"/> one per top-level folder under
    /// the root (files at the root form the run of "."), each with its own category; what each keeps and leaves out.
    /// </summary>
    public IReadOnlyList<SarifRun> Runs(Report whole)
    {
        if (!_options.SplitByFolder)
        {
            return [Plan(whole.Category, _runs.GetValueOrDefault("") ?? new RunSpool())];
        }

        var prefix = (whole.Category ?? "doclint").TrimEnd('/');
        var folders = _runs.Keys.Order(StringComparer.Ordinal).DefaultIfEmpty(".");
        return [.. folders.Select(folder => Plan($"{prefix}/{folder}/", _runs.GetValueOrDefault(folder) ?? new RunSpool()))];
    }

    private SarifRun Plan(string? category, RunSpool run)
    {
        // The most severe first; among equals, path order: every result more severe than the least severe kept, and of
        // that severity the first ones, as many as there is room for.
        var room = _options.Limits.MaxResults;
        var cutoff = run.Buckets.Length - 1;
        while (cutoff > 0 && run.Buckets[cutoff].Count < room)
        {
            room -= run.Buckets[cutoff--].Count;
        }

        var kept = new int[run.Buckets.Length];
        for (var s = cutoff; s < kept.Length; s++)
        {
            kept[s] = s == cutoff ? Math.Min(room, run.Buckets[s].Count) : run.Buckets[s].Count;
        }

        return new SarifRun(category, kept.Sum(), run.Buckets.Sum(b => b.Count) - kept.Sum()) { Spool = run, Kept = kept };
    }

    /// <summary>Writes one SARIF log holding <paramref name="runs"/> (of <see cref="Runs"/>).</summary>
    public void Write(TextWriter writer, Report whole, IReadOnlyList<SarifRun> runs) =>
        SarifReporter.WriteLog(writer, whole, runs, _options.Limits, WriteResults);

    /// <summary>The kept results of a run, in path order: what the log's "results" array holds.</summary>
    private void WriteResults(Utf8JsonWriter json, SarifRun run)
    {
        var spool = run.Spool!;
        var taken = run.Kept;
        var withSuppressions = false;
        for (var s = 0; s < taken.Length && !withSuppressions; s++)
        {
            withSuppressions = spool.Buckets[s].AnySuppressed(taken[s]);
        }

        var next = new int[taken.Length];
        while (true)
        {
            // The next result in path order: the bucket whose next kept result came first.
            var from = -1;
            for (var s = 0; s < taken.Length; s++)
            {
                if (next[s] < taken[s] && (from < 0 || spool.Buckets[s].Sequence(next[s]) < spool.Buckets[from].Sequence(next[from])))
                {
                    from = s;
                }
            }

            if (from < 0)
            {
                break;
            }

            var result = spool.Buckets[from].Json(next[from]++, out var suppressed);
            if (withSuppressions)
            {
                // The result without its closing brace, then the suppressions array and the brace, put together in the
                // buffer results are written into while the run goes on (free once it is over).
                _chunk.ResetWrittenCount();
                _chunk.Write(result[..^ClosingLength]);
                _chunk.Write(suppressed ? _suppressedTail : _plainTail);
                result = _chunk.WrittenSpan;
            }

            json.WriteRawValue(result, skipInputValidation: true);
            json.FlushWhenFull();
        }

        _chunk.ResetWrittenCount();
    }

    /// <summary>A result's closing: a line end, its indentation and the brace.</summary>
    private static int ClosingLength => 1 + (2 * ResultDepth) + 1;

    private byte[] Tail(bool suppressed)
    {
        _chunkWriter.WriteStartObject();
        _chunkWriter.WriteStartArray("suppressions");
        if (suppressed)
        {
            _chunkWriter.WriteStartObject();
            _chunkWriter.WriteString("kind", "inSource");
            _chunkWriter.WriteEndObject();
        }

        _chunkWriter.WriteEndArray();
        _chunkWriter.WriteEndObject();
        _chunkWriter.Flush();

        // What follows the opening "{" (after a line end and the indentation), after a comma: the property and the close.
        var json = _chunk.WrittenSpan;
        var open = json.IndexOf((byte)'{');
        byte[] tail = [(byte)',', .. json[(open + 1)..]];
        _chunk.ResetWrittenCount();
        return tail;
    }

    /// <summary>The results and notifications of one run as they came.</summary>
    internal sealed class RunSpool
    {
        public List<Diagnostic> Notifications { get; } = [];

        /// <summary>The results by severity (<see cref="DiagnosticSeverity"/> as a number).</summary>
        public Bucket[] Buckets { get; } = [.. Enumerable.Range(0, (int)DiagnosticSeverity.Error + 1).Select(_ => new Bucket())];

        /// <summary>
        /// False once the results more severe than <paramref name="severity"/> are as many as the run holds: none of
        /// this severity or below can be kept any more, and what they hold is given back.
        /// </summary>
        public bool MayKeep(int severity, int maxResults)
        {
            var above = 0;
            for (var s = Buckets.Length - 1; s > severity; s--)
            {
                above += Buckets[s].Count;
            }

            if (above < maxResults)
            {
                return true;
            }

            for (var s = severity; s >= 0; s--)
            {
                Buckets[s].Release();
            }

            return false;
        }
    }

    /// <summary>
    /// The results of one severity: how many came, and the JSON of the first ones (as many as a run may keep), in
    /// blocks rented from the shared pool and given back when the stream is released.
    /// </summary>
    internal sealed class Bucket
    {
        private const int BlockSize = 256 * 1024;
        private readonly List<byte[]> _blocks = [];
        private readonly List<(long Sequence, int Block, int Start, int Length, bool Suppressed)> _results = [];
        private int _used = BlockSize;

        public int Count { get; set; }

        public void Add(long sequence, ReadOnlySpan<byte> json, bool suppressed)
        {
            if (BlockSize - _used < json.Length)
            {
                _blocks.Add(ArrayPool<byte>.Shared.Rent(Math.Max(BlockSize, json.Length)));
                _used = 0;
            }

            json.CopyTo(_blocks[^1].AsSpan(_used));
            _results.Add((sequence, _blocks.Count - 1, _used, json.Length, suppressed));
            _used += json.Length;
        }

        public long Sequence(int index) => _results[index].Sequence;

        public ReadOnlySpan<byte> Json(int index, out bool suppressed)
        {
            var (_, block, start, length, isSuppressed) = _results[index];
            suppressed = isSuppressed;
            return _blocks[block].AsSpan(start, length);
        }

        public bool AnySuppressed(int first)
        {
            for (var i = 0; i < first; i++)
            {
                if (_results[i].Suppressed)
                {
                    return true;
                }
            }

            return false;
        }

        public void Release()
        {
            foreach (var block in _blocks)
            {
                ArrayPool<byte>.Shared.Return(block);
            }

            _blocks.Clear();
            _results.Clear();
            _used = BlockSize;
        }
    }

    /// <summary>Gives the pooled blocks back; the stream holds nothing after.</summary>
    public void Release()
    {
        foreach (var run in _runs.Values)
        {
            foreach (var bucket in run.Buckets)
            {
                bucket.Release();
            }
        }

        _runs.Clear();
    }
}
