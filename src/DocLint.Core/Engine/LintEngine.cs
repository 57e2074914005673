using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Rules;
using DocLint.Core.Suppressions;
using DocLint.Core.Text;

namespace DocLint.Core.Engine;

/// <summary>One file's outcome. <see cref="InternalError"/> is set when DocLint itself failed on it.</summary>
/// <remarks><see cref="Source"/> is kept only when <see cref="LintOptions.KeepSources"/> asks for it (the pretty view shows lines).</remarks>
public sealed record FileResult(string Path, ImmutableArray<Diagnostic> Diagnostics, SourceText? Source = null, bool InternalError = false)
{
    /// <summary>How the file's bytes were decoded; null when it was not decoded cleanly (binary, invalid bytes), so it is never rewritten.</summary>
    public SourceEncoding? Encoding { get; init; }
}

/// <summary>A whole run: every diagnostic in output order, and how many files were linted.</summary>
public sealed record LintResult(ImmutableArray<Diagnostic> Diagnostics, int FileCount, bool InternalError)
{
    /// <summary>The decoded encoding of each cleanly decoded file whose source was kept.</summary>
    public IReadOnlyDictionary<string, SourceEncoding> Encodings { get; init; } = new Dictionary<string, SourceEncoding>();

    /// <summary>Source texts by path, for the files whose sources were kept.</summary>
    public IReadOnlyDictionary<string, SourceText> Sources { get; init; } = new Dictionary<string, SourceText>();
}

/// <summary>
/// Lints files with an immutable <see cref="RuleSet"/>: read, decode, read structure, run rules. Files are
/// linted in parallel; results are sorted so output is the same whatever the thread count. Anything the user
/// controls that goes wrong with one file becomes a DL0xxx diagnostic for that file, and the run goes on.
/// </summary>
public sealed partial class LintEngine(RuleSet rules, LintOptions? options = null)
{
    private readonly LintOptions _options = options ?? new LintOptions();

    /// <summary>The backtracking regex engine's time over this engine's run (<see cref="Limits.BacktrackingPerRun"/>).</summary>
    private readonly Rules.Matching.RegexBudget.Run _regexRun = new();

    /// <summary>True on a thread that lints a file on one of the cores this engine counts (<see cref="TakeCore"/>).</summary>
    [ThreadStatic]
    private static bool _onCore;

    /// <summary>The rules split for a file linted in parts: those each part runs on its own, and those run in part order.</summary>
    private readonly PartRules _partRules = new(rules);

    /// <summary>How many threads lint now: files' workers, and the analyses of large files' parts on spare cores.</summary>
    private int _busyCores;

    /// <summary>How many parts of large files were analysed on a spare core, not by the thread that read them.</summary>
    private int _partsAside;

    public RuleSet Rules { get; } = rules;

    /// <summary>How many threads lint at once: <see cref="LintOptions.MaxParallelism"/>, or one per processor.</summary>
    private int Parallelism => _options.MaxParallelism > 0 ? _options.MaxParallelism : Environment.ProcessorCount;

    /// <summary>How many parts of large files this engine has analysed on a spare core (tests check that parts do run in parallel).</summary>
    internal int PartsAnalysedAside => Volatile.Read(ref _partsAside);

    /// <summary>Counts this thread as busy linting, whether or not a core is spare.</summary>
    private void TakeCore() => Interlocked.Increment(ref _busyCores);

    /// <summary>Counts one more thread as busy linting when fewer than <see cref="Parallelism"/> are; false when none is spare.</summary>
    private bool TryTakeCore()
    {
        var busy = Volatile.Read(ref _busyCores);
        while (busy < Parallelism)
        {
            var seen = Interlocked.CompareExchange(ref _busyCores, busy + 1, busy);
            if (seen == busy)
            {
                return true;
            }

            busy = seen;
        }

        return false;
    }

    private void ReleaseCore() => Interlocked.Decrement(ref _busyCores);

    private bool KeepSource => _options.KeepSources;

    public LintResult LintFiles(IReadOnlyList<string> paths) => Collect(LintEach(paths));

    /// <summary>Lints each file, in parallel; results are in the order of <paramref name="paths"/>.</summary>
    public FileResult[] LintEach(IReadOnlyList<string> paths) => [.. LintInOrder(paths)];

    /// <summary>
    /// Lints each file in parallel and yields the results in the order of <paramref name="paths"/>, each as soon
    /// as it and every file before it are done, so output can stream while the run goes on. At most
    /// <paramref name="window"/> finished results wait for an earlier file, so memory stays bounded however
    /// many files there are; a worker that gets that far ahead waits. Stopping the enumeration stops the workers.
    /// </summary>
    public IEnumerable<FileResult> LintInOrder(IReadOnlyList<string> paths, int window = 256)
    {
        if (paths.Count == 0)
        {
            yield break;
        }

        if (paths.Count == 1)
        {
            // One file has nothing to overlap with: a thread of its own would only add its start and a hand-over.
            yield return LintOnCore(paths[0]);
            yield break;
        }

        var workers = Math.Min(paths.Count, Parallelism);
        var slots = new FileResult?[paths.Count];
        var gate = new object();
        var claimed = -1;
        var consumed = 0;
        var stopped = false;
        Exception? failure = null;

        void Work()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref claimed);
                lock (gate)
                {
                    while (!stopped && i < paths.Count && i >= consumed + window)
                    {
                        Monitor.Wait(gate);
                    }

                    if (stopped || i >= paths.Count)
                    {
                        return;
                    }
                }

                FileResult result;
                try
                {
                    result = LintOnCore(paths[i]);
                }
                catch (Exception ex)
                {
                    // LintFile turns what a file can do wrong into diagnostics; this is DocLint failing.
                    lock (gate)
                    {
                        failure ??= ex;
                        stopped = true;
                        Monitor.PulseAll(gate);
                    }

                    return;
                }

                lock (gate)
                {
                    slots[i] = result;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "doclint-lint" }).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        try
        {
            for (var k = 0; k < paths.Count; k++)
            {
                FileResult next;
                lock (gate)
                {
                    while (slots[k] is null && failure is null)
                    {
                        Monitor.Wait(gate);
                    }

                    if (failure is not null)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                    }

                    next = slots[k]!;
                    slots[k] = null;
                    consumed = k + 1;
                    Monitor.PulseAll(gate);
                }

                yield return next;
            }
        }
        finally
        {
            lock (gate)
            {
                stopped = true;
                Monitor.PulseAll(gate);
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }
        }
    }

    /// <summary>Lints one file counted as work on one of the engine's cores (<see cref="TakeCore"/>).</summary>
    private FileResult LintOnCore(string path)
    {
        TakeCore();
        _onCore = true;
        try
        {
            return LintFile(path);
        }
        finally
        {
            _onCore = false;
            ReleaseCore();
        }
    }

    public static LintResult Collect(IReadOnlyCollection<FileResult> results)
    {
        // Each file's findings are sorted and carry its path, and the output order sorts by path first: in
        // path order, the files' lists concatenate into the sorted whole (one sort of file names instead of
        // one of every finding). A path given twice falls back to sorting everything.
        var byPath = results.OrderBy(r => r.Path, StringComparer.Ordinal).ToList();
        var all = byPath.SelectMany(r => r.Diagnostics).ToList();
        if (byPath.Zip(byPath.Skip(1)).Any(pair => pair.First.Path == pair.Second.Path))
        {
            all.Sort(DiagnosticOrder.Instance);
        }

        var sources = results.Where(r => r.Source is not null).ToDictionary(r => r.Path, r => r.Source!, StringComparer.Ordinal);
        var encodings = results.Where(r => r.Source is not null && r.Encoding is not null).ToDictionary(r => r.Path, r => r.Encoding!.Value, StringComparer.Ordinal);
        return new LintResult([.. all], results.Count, results.Any(r => r.InternalError)) { Sources = sources, Encodings = encodings };
    }

    public FileResult LintFile(string path)
    {
        try
        {
            // Only a regular file is opened: opening a FIFO blocks until something writes to it, and a device may never end.
            var status = Workspace.FileStatus.Of(path);
            if (status.Kind is not (Workspace.FileKind.Regular or Workspace.FileKind.Missing))
            {
                return Problem(path, DiagnosticSeverity.Warning, $"file skipped: {Workspace.RegularFile.WhyNotReadable(status, long.MaxValue)}");
            }

            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            return LintOpen(path, handle, RandomAccess.GetLength(handle));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : ex.Message;
            return Problem(path, DiagnosticSeverity.Error, $"cannot read file: {reason}");
        }
    }

    /// <summary>
    /// Lints a stream (standard input) as the file <paramref name="path"/>: a small one in memory, a larger one
    /// spooled to a temporary file and linted from there as a file is (in parts when it can be), so memory
    /// stays bounded whatever its size. More than <see cref="LintOptions.MaxFileBytes"/> is not read on.
    /// </summary>
    public FileResult LintStream(string path, Stream input)
    {
        var head = new byte[(int)Math.Min(Limits.StdinInMemoryBytes, int.MaxValue - 1) + 1];
        int length;
        try
        {
            length = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (length < head.Length)
            {
                return LintBytes(path, head.AsSpan(0, length));
            }

            var spool = Path.Combine(Path.GetTempPath(), $"doclint-stdin-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            file.Write(head, 0, length);
            var chunk = new byte[1 << 20];
            long total = length;
            while (input.Read(chunk) is var read and > 0)
            {
                total += read;
                if (total > _options.MaxFileBytes)
                {
                    return Problem(path, DiagnosticSeverity.Warning, $"input skipped: it is more than the limit of {_options.MaxFileBytes:N0} bytes");
                }

                file.Write(chunk, 0, read);
            }

            file.Flush();
            return LintOpen(path, file.SafeFileHandle, total);
        }
        catch (IOException ex)
        {
            return Problem(path, DiagnosticSeverity.Error, $"cannot read input: {ex.Message}");
        }
    }

    /// <summary>Lints an open file of <paramref name="size"/> bytes: in parts, whole, or not at all when it is too large.</summary>
    private FileResult LintOpen(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle, long size)
    {
        if (size > _options.MaxFileBytes)
        {
            return Problem(path, DiagnosticSeverity.Warning, $"file skipped: it is {size:N0} bytes, more than the limit of {_options.MaxFileBytes:N0}");
        }

        var whole = size <= _options.MaxWholeFileBytes;
        if (size > _options.PartBytes && CanLintInParts(path, keepSource: KeepSource && whole) && LintInParts(path, handle, size) is { } inParts)
        {
            return whole || !KeepSource ? inParts : inParts with
            {
                Diagnostics = [.. inParts.Diagnostics.Prepend(Note(path, $"read in parts: it is {size:N0} bytes, more than {_options.MaxWholeFileBytes:N0}, so its fixes are not applied and its lines are not shown"))],
                Encoding = null,
            };
        }

        if (!whole)
        {
            return Problem(path, DiagnosticSeverity.Warning, $"file skipped: it is {size:N0} bytes, and a file read whole (Markdown, HTML, UTF-16, or with a rule that counts over the whole document) may be at most {_options.MaxWholeFileBytes:N0}");
        }

        // The bytes are read into a pooled buffer: they are needed only until they are decoded.
        var buffer = ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            var length = Read(handle, buffer.AsSpan(0, (int)size), 0);
            return LintBytes(path, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> in the file; how many bytes were read (fewer if the file ends first).</summary>
    private static int Read(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length && RandomAccess.Read(handle, buffer[total..], offset + total) is var read and > 0)
        {
            total += read;
        }

        return total;
    }

    public FileResult LintBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var decoded = SourceDecoder.Decode(bytes);
        if (decoded.IsBinary)
        {
            return Problem(path, DiagnosticSeverity.Warning, DocumentFile.BinaryProblem(bytes));
        }

        var source = SourceText.From(decoded.Text!);
        var diagnostics = new List<Diagnostic>();
        if (decoded.HasInvalidBytes)
        {
            var span = new TextSpan(decoded.FirstInvalidOffset, Math.Min(1, source.Length - decoded.FirstInvalidOffset));
            diagnostics.Add(new Diagnostic
            {
                Descriptor = EngineDiagnostics.UnreadableInput,
                Severity = DiagnosticSeverity.Warning,
                Message = $"invalid {EncodingName(decoded.Encoding)} (first bad byte 0x{decoded.FirstInvalidByte:X2}); it was read as U+FFFD and the rest of the file was linted",
                Path = path,
                Span = span,
                LineSpan = source.GetLinePositionSpan(span),
            });
        }

        var result = LintSource(path, source, diagnostics);
        return decoded.HasInvalidBytes ? result : result with { Encoding = decoded.Encoding };
    }

    public FileResult LintText(string path, string text) => LintSource(path, SourceText.From(text), []);

    private FileResult LintSource(string path, SourceText source, List<Diagnostic> diagnostics)
    {
        try
        {
            var started = _options.Timings is null ? 0 : Stopwatch.GetTimestamp();
            var document = DocumentReaders.For(path, _options.Readers).Read(path, source);
            _options.Timings?.AddSince(RuleTimings.Reading, started);
            foreach (var problem in document.Problems)
            {
                diagnostics.Add(new Diagnostic
                {
                    Descriptor = EngineDiagnostics.UnreadableInput,
                    Severity = DiagnosticSeverity.Warning,
                    Message = problem.Message,
                    Path = path,
                    Span = problem.Span,
                    LineSpan = source.GetLinePositionSpan(problem.Span),
                });
            }

            DocumentAnalyzer.Analyze(document, Rules.Rules, Rules.Words, SeverityOf(path, document.FrontMatter), diagnostics, DocumentPart.Whole(source.Length, new Rules.Matching.RegexBudget(_regexRun)), _options.CheckFixes, terms: Rules.Terms, fingerprints: _options.Fingerprints, timings: _options.Timings);
            if (!document.Directives.IsEmpty)
            {
                ApplyDirectives(document, diagnostics);
            }

            diagnostics.Sort(DiagnosticOrder.Instance);
            return new FileResult(path, DiagnosticFingerprint.NumberOccurrences(diagnostics), KeepSource ? source : null, DocumentAnalyzer.HasFailedRule(diagnostics));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return InternalErrorIn(path, ex);
        }
    }

    /// <param name="frontMatter">The document's front matter, for configuration overrides that select files by it.</param>
    private Func<CompiledRule, DiagnosticSeverity> SeverityOf(string path, IReadOnlyDictionary<string, string>? frontMatter = null)
    {
        if (_options.Configuration is not { } configuration || !Path.IsPathRooted(path))
        {
            return static rule => rule.Definition.Severity;
        }

        var severities = configuration.ForFile(path, frontMatter);
        return rule => severities.For(rule.Definition).Severity;
    }

    /// <summary>Marks findings that inline directives silence, and reports directives that name unknown rules (DL0003).</summary>
    private void ApplyDirectives(Document document, List<Diagnostic> diagnostics)
    {
        var whole = DocumentPart.Whole(document.Source.Length);
        Suppress(diagnostics, Place(document, document.Directives, whole));
        diagnostics.AddRange(UnknownRulesIn(document, document.Directives, whole));
    }

    private static void Suppress(List<Diagnostic> diagnostics, IEnumerable<PlacedDirective> directives)
    {
        var map = new SuppressionMap(directives);
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (!d.Id.StartsWith("DL0", StringComparison.Ordinal) && map.IsSuppressed(d))
            {
                diagnostics[i] = d with { IsSuppressed = true };
            }
        }
    }

    /// <summary>Directives with their lines, in the file's coordinates.</summary>
    private static IEnumerable<PlacedDirective> Place(Document document, IEnumerable<Directive> directives, DocumentPart part) =>
        directives.Select(d => new PlacedDirective(
            d with { Span = part.ToFile(d.Span) },
            part.FirstLine + document.Source.GetLineIndex(d.Span.Start),
            part.FirstLine + document.Source.GetLineIndex(d.Span.End)));

    /// <summary>DL0003 for each rule id a directive names that no loaded rule has, in the file's coordinates.</summary>
    private IEnumerable<Diagnostic> UnknownRulesIn(Document document, IEnumerable<Directive> directives, DocumentPart part)
    {
        foreach (var directive in directives)
        {
            foreach (var id in directive.RuleIds.Where(id => Rules.Find(id) is null))
            {
                yield return new Diagnostic
                {
                    Descriptor = EngineDiagnostics.UnknownRuleInDirective,
                    Severity = EngineDiagnostics.UnknownRuleInDirective.DefaultSeverity,
                    Message = $"unknown rule '{id}' in a doclint directive; 'doclint rules list' shows the rules",
                    Path = document.Path,
                    Span = part.ToFile(directive.Span),
                    LineSpan = part.ToFile(document.Source.GetLinePositionSpan(directive.Span)),
                    Snippet = document.Source.ToString(directive.Span),
                };
            }
        }
    }

    /// <summary>DocLint itself failed on the file: DL0005, and the run's exit code says so.</summary>
    private static FileResult InternalErrorIn(string path, Exception ex) =>
        Problem(path, DiagnosticSeverity.Error, $"internal error: {ex.GetType().Name}: {ex.Message}", EngineDiagnostics.InternalError) with { InternalError = true };

    private static string EncodingName(SourceEncoding encoding) =>
        encoding is SourceEncoding.Utf16BigEndian or SourceEncoding.Utf16LittleEndian ? "UTF-16" : "UTF-8";

    private static FileResult Problem(string path, DiagnosticSeverity severity, string message, DiagnosticDescriptor? descriptor = null) =>
        new(path, [Note(path, message, severity, descriptor)]);

    /// <summary>An engine diagnostic (DL0002 unless said) at the start of the file.</summary>
    private static Diagnostic Note(string path, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning, DiagnosticDescriptor? descriptor = null) => new()
    {
        Descriptor = descriptor ?? EngineDiagnostics.UnreadableInput,
        Severity = severity,
        Message = message,
        Path = path,
        Span = new TextSpan(0, 0),
        LineSpan = default,
    };
}
