using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Documents.PlainText;
using DocLint.Core.Rules;
using DocLint.Core.Suppressions;
using DocLint.Core.Text;

namespace DocLint.Core.Engine;

/// <summary>
/// Large plain-text files, linted a part at a time so that memory stays near the part's size whatever the
/// file's. A part owns the paragraphs from one cut to the next, about <see cref="LintOptions.PartBytes"/>
/// apart, and is read with a margin of its neighbours' paragraphs on either side, wide enough to hold
/// every rule's sentence window; each part reports only what it owns (<see cref="DocumentPart"/>).
/// </summary>
/// <remarks>
/// A cut is a line start after a blank line that no stray tag or HTML comment spans, so each part's
/// masking, paragraphs, sentences and quotations are those of the whole file. What the parts do not
/// share: a document-scope match longer than a part's margin (64 KiB at the default part size) is not seen.
/// </remarks>
public sealed partial class LintEngine
{
    private static readonly SearchValues<byte> Blank = SearchValues.Create(" \t\r\f\v"u8);

    private bool CanLintInParts(string path, bool keepSource) =>
        !keepSource && Rules.CanLintInParts && DocumentReaders.For(path, _options.Readers) is PlainTextReader;

    /// <summary>
    /// Lints the file part by part; null when it must be read whole instead: UTF-16, or what looks binary
    /// (the whole-file path says why it skips it).
    /// </summary>
    internal FileResult? LintInParts(string path, long length)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        return LintInParts(path, handle, length);
    }

    /// <summary>Lints the open file part by part (see <see cref="LintInParts(string, long)"/>).</summary>
    private FileResult? LintInParts(string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle, long length)
    {
        var head = new byte[(int)Math.Min(length, SourceDecoder.HeadLength)];
        ReadFully(handle, head, 0);
        if (!SourceDecoder.IsUtf8Text(head, out var bom))
        {
            return null;
        }

        try
        {
            var parts = new FileParts(this, path, handle, bom, length);
            return parts.Lint() with { Encoding = parts.HasInvalidBytes ? null : bom > 0 ? SourceEncoding.Utf8Bom : SourceEncoding.Utf8 };
        }
        catch (IOException ex)
        {
            return Problem(path, DiagnosticSeverity.Error, $"cannot read file: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return InternalErrorIn(path, ex);
        }
    }

    private static void ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        if (Read(handle, buffer, offset) < buffer.Length)
        {
            throw new IOException("the file became shorter while it was read");
        }
    }

    /// <summary>
    /// The first cut at or after <paramref name="from"/> in <paramref name="text"/>; -1 when there is none in
    /// it. A cut follows a blank line, and no stray tag or HTML comment that the plain-text reader masks can
    /// span it. <paramref name="knownCut"/> (at most <paramref name="from"/>) is a cut already known, where
    /// nothing masked is open: the markup is scanned once from there, however many blank lines are refused.
    /// </summary>
    internal static int NextCut(ReadOnlySpan<byte> text, int from, int knownCut = 0)
    {
        var markup = new MarkupScan(text, knownCut);
        var i = Math.Max(from, 1) - 1;
        while (i < text.Length)
        {
            var newline = text[i..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return -1;
            }

            var end = i + newline;
            var lineStart = text[..end].LastIndexOf((byte)'\n') + 1;
            if (!text[lineStart..end].ContainsAnyExcept(Blank) && markup.NothingSpans(end + 1))
            {
                return end + 1;
            }

            i = end + 1;
        }

        return -1;
    }

    /// <summary>
    /// A cut for text without blank lines, at or after <paramref name="from"/>: after the next line break;
    /// else after the next sentence end (". ", "! ", "? "); else after the next space; else at the next
    /// character (never inside one). -1 when <paramref name="from"/> is at the end.
    /// </summary>
    internal static int SoftCut(ReadOnlySpan<byte> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var rest = text[from..];
        if (rest.IndexOf((byte)'\n') is var line and >= 0)
        {
            return from + line + 1;
        }

        for (var i = 0; i + 1 < rest.Length; i++)
        {
            if (rest[i] is (byte)'.' or (byte)'!' or (byte)'?' && rest[i + 1] == ' ')
            {
                return from + i + 2;
            }
        }

        if (rest.IndexOf((byte)' ') is var space and >= 0)
        {
            return from + space + 1;
        }

        var at = from;
        while (at < text.Length && (text[at] & 0xC0) == 0x80)
        {
            at++;
        }

        return at < text.Length ? at : -1;
    }

    /// <summary>
    /// Where a tag or comment that the plain-text masking removes could still be open, scanned forward:
    /// a tag runs from '&lt;' (then a letter or '/') to the next '&gt;' with no '&lt;' between; a comment
    /// from "&lt;!--" to the next "--&gt;".
    /// </summary>
    private ref struct MarkupScan(ReadOnlySpan<byte> text, int start)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _scanned = start;
        private int _lastAngle = -1;
        private int _openComment = -1;

        /// <summary>True when nothing masked that starts before <paramref name="position"/> can end after it; positions only grow.</summary>
        public bool NothingSpans(int position)
        {
            Advance(position);
            var openTag = _lastAngle >= 0 && _text[_lastAngle] == '<' && _lastAngle + 1 < position
                && (char.IsAsciiLetter((char)_text[_lastAngle + 1]) || _text[_lastAngle + 1] == '/');
            return !openTag && _openComment < 0;
        }

        private void Advance(int position)
        {
            if (position <= _scanned)
            {
                return;
            }

            var angle = _text[_scanned..position].LastIndexOfAny((byte)'<', (byte)'>');
            if (angle >= 0)
            {
                _lastAngle = _scanned + angle;
            }

            // Three bytes of overlap find a marker that straddles the previous position.
            var from = Math.Max(0, _scanned - 3);
            var open = _text[from..position].LastIndexOf("<!--"u8);
            if (open >= 0)
            {
                _openComment = from + open;
            }

            var closeFrom = Math.Max(_openComment + 4, _scanned - 2);
            if (_openComment >= 0 && closeFrom < position && _text[closeFrom..position].IndexOf("-->"u8) >= 0)
            {
                _openComment = -1;
            }

            _scanned = position;
        }
    }

    /// <summary>One large file's run through its parts: where the next part starts, and what the parts found.</summary>
    private sealed class FileParts(LintEngine engine, string path, Microsoft.Win32.SafeHandles.SafeFileHandle handle, long fileStart, long fileEnd)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly List<PlacedDirective> _directives = [];
        private readonly DocumentPart.FileState _shared = new() { Budget = new(engine._regexRun) };
        private readonly Func<CompiledRule, DiagnosticSeverity> _severityOf = engine.SeverityOf(path);

        /// <summary>The findings over the parts merged so far of the rules run under each assumption (<see cref="PartRules.Assumed"/>).</summary>
        private readonly List<Diagnostic>[] _assumed = [.. Enumerable.Range(0, engine._partRules.Assumptions).Select(_ => new List<Diagnostic>())];

        /// <summary>The findings over the parts merged so far of each rule decided at the merge (<see cref="PartRules.Decided"/>).</summary>
        private readonly List<Diagnostic>[] _decided = [.. engine._partRules.Decided.Select(_ => new List<Diagnostic>())];

        /// <summary>
        /// For each document-wide rule (<see cref="PartRules.DocumentWide"/>), the conditions that found something in
        /// some part: what holds for the whole file. Parts analysed in parallel add to it as they find it, and do not
        /// look again for what another part has found.
        /// </summary>
        private readonly int[] _documentWideFound = new int[engine._partRules.DocumentWide.Length];

        /// <summary>Cuts where parts have started or been read from: where a margin that is too narrow can widen to.</summary>
        private readonly List<long> _cuts = [fileStart];

        private readonly long _margin = Math.Max(1, engine._options.PartBytes / 64);

        /// <summary>True when parts may be analysed on other threads (more than one thread lints).</summary>
        private bool _aside;

        /// <summary>The file offset (UTF-16) of the file's first paragraph, once a part has seen it: only it can be a headline.</summary>
        private int? _firstBlock;

        public bool HasInvalidBytes { get; private set; }

        public FileResult Lint()
        {
            // The producer (this thread) reads the parts in order, since each part's start depends on the one
            // before; their analyses run on spare cores while it reads on, and are merged in order. At most
            // this many parts are read and not yet merged, so memory stays bounded whatever the file's size.
            var pending = new Queue<Pending>();
            var maxPending = engine.Parallelism + 1;
            // This thread mostly reads and waits for the parts' analyses, so it gives its core to them; it analyses a
            // part itself only when no core is spare (every other core lints a file of its own). One thread: in turn.
            _aside = engine.Parallelism > 1;
            var gaveCore = _aside && _onCore;
            if (gaveCore)
            {
                engine.ReleaseCore();
            }

            try
            {
                long textStart = fileStart, owned = fileStart;
                int ownedChar = 0, ownedLine = 0, ownedColumn = 0;
                while (true)
                {
                    var part = ReadPart(textStart, owned, ownedChar, ownedLine, ownedColumn);
                    pending.Enqueue(Start(part, pending));
                    if (part.IsLast)
                    {
                        break;
                    }

                    // The next part is read from a cut one margin before its own paragraphs; when a paragraph longer
                    // than the margin ends there, from the cut before it, so that the margin starts where a paragraph does.
                    var margin = _margin;
                    var from = (int)Math.Max(0, part.OwnedEnd - margin);
                    var back = NextCut(part.Bytes[..part.OwnedEnd], from, knownCut: from < part.OwnedStart ? 0 : part.OwnedStart);
                    while (back < 0 && from > 0 && part.OwnedEnd - from < engine._options.MaxParagraphBytes)
                    {
                        margin *= 2;
                        from = (int)Math.Max(0, part.OwnedEnd - margin);
                        back = NextCut(part.Bytes[..part.OwnedEnd], from, knownCut: from < part.OwnedStart ? 0 : part.OwnedStart);
                    }

                    if (back < 0)
                    {
                        // A paragraph longer than the part: the next part's margin starts at a line or a sentence.
                        from = (int)Math.Max(0, part.OwnedEnd - _margin);
                        back = SoftCut(part.Bytes[..part.OwnedEnd], from) is var soft and >= 0 ? soft : part.OwnedEnd;
                    }

                    textStart = part.Start + back;
                    owned = part.Start + part.OwnedEnd;
                    ownedChar = part.Info.Offset + part.Info.Owned.End;
                    var end = part.Document.Source.GetLinePosition(part.Info.Owned.End);
                    ownedLine = part.Info.FirstLine + end.Line;
                    ownedColumn = end.Character + (end.Line == 0 ? part.Info.FirstColumn : 0);
                    _cuts.Add(textStart);
                    _cuts.Add(owned);

                    while (pending.Count >= maxPending || (pending.Count > 0 && pending.Peek().IsDone))
                    {
                        Merge(pending.Dequeue());
                    }
                }

                while (pending.Count > 0)
                {
                    Merge(pending.Dequeue());
                }
            }
            finally
            {
                // After a failure, analyses still running use their parts' buffers: they go back to the pool only after.
                foreach (var left in pending)
                {
                    try
                    {
                        left.Analysis?.Wait();
                    }
                    catch (AggregateException)
                    {
                        // The first failure is the one reported.
                    }

                    ArrayPool<byte>.Shared.Return(left.Part.Buffer);
                }

                if (gaveCore)
                {
                    engine.TakeCore();
                }
            }

            return Finish();
        }

        /// <summary>
        /// Starts a part's analysis: on a spare core; when there is none, once one of this file's own analyses
        /// frees one (the parts before it are merged meanwhile); here and now when none of them runs.
        /// </summary>
        private Pending Start(Part part, Queue<Pending> pending)
        {
            while (_aside && !engine.TryTakeCore())
            {
                if (pending.All(p => p.IsDone))
                {
                    return new Pending(part, null, AnalyzeOwn(part));
                }

                Merge(pending.Dequeue());
            }

            if (_aside)
            {
                Interlocked.Increment(ref engine._partsAside);
                var analysis = Task.Run(() =>
                {
                    try
                    {
                        return AnalyzeOwn(part);
                    }
                    finally
                    {
                        engine.ReleaseCore();
                    }
                });
                return new Pending(part, analysis, null);
            }

            return new Pending(part, null, AnalyzeOwn(part));
        }

        /// <summary>
        /// Merges a part's findings, in part order: the rules that carry what they learn from part to part
        /// (<see cref="CompiledRule.CarriesAcrossParts"/>) run here, so each sees the parts in the file's order.
        /// </summary>
        private void Merge(Pending pending)
        {
            try
            {
                var found = pending.Analysis?.GetAwaiter().GetResult() ?? pending.Found!;
                var part = pending.Part;
                if (!engine._partRules.Carried.IsEmpty)
                {
                    DocumentAnalyzer.Analyze(part.Document, engine._partRules.Carried, engine._partRules.CarriedWords, _severityOf, found.Diagnostics, part.Info, checkFixes: true, fingerprints: engine._options.Fingerprints, timings: engine._options.Timings);
                }

                var decided = engine._partRules.DecidedIndex;
                foreach (var diagnostic in found.Diagnostics)
                {
                    (decided.TryGetValue(diagnostic.Id, out var i) ? _decided[i] : _diagnostics).Add(diagnostic);
                }

                _directives.AddRange(found.Directives);
                for (var i = 0; i < found.Assumed.Length; i++)
                {
                    _assumed[i].AddRange(found.Assumed[i]);
                }

                if (!HasInvalidBytes && found.InvalidBytes is { } invalid)
                {
                    HasInvalidBytes = true;
                    _diagnostics.Add(invalid);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(pending.Part.Buffer);
            }
        }

        /// <summary>
        /// Reads the part that owns the paragraphs from <paramref name="owned"/>, starting at the cut
        /// <paramref name="textStart"/>; widens its margins until they hold the rules' sentence windows.
        /// </summary>
        /// <param name="ownedColumn">The file column of <paramref name="owned"/>: not 0 when a paragraph without blank lines was cut inside a line.</param>
        private Part ReadPart(long textStart, long owned, int ownedChar, int ownedLine, int ownedColumn)
        {
            var partBytes = engine._options.PartBytes;
            var after = _margin;
            var window = engine.Rules.SentenceWindow;
            var further = 4096L;
            while (true)
            {
                var length = (int)Math.Min(owned - textStart + partBytes + (2 * after) + further, fileEnd - textStart);
                var eof = textStart + length == fileEnd;
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
                ReadFully(handle, buffer.AsSpan(0, length), textStart);
                var bytes = buffer.AsSpan(0, length);
                var ownedStart = (int)(owned - textStart);
                // No blank line in this many parts: cut at a line break, a sentence end or a space instead, so
                // that memory stays bounded whatever the file holds (paragraphs and sentences at such a cut may
                // differ from a whole read).
                var soft = length - ownedStart >= partBytes + engine._options.MaxParagraphBytes;
                var ownedEnd = Cut(bytes, ownedStart + partBytes, ownedStart, eof, soft);
                var textEnd = ownedEnd < 0 ? -1 : ownedEnd == length && eof ? length : Cut(bytes, ownedEnd + after, ownedEnd, eof, soft);
                if (textEnd < 0)
                {
                    // No cut in what was read: read further.
                    ArrayPool<byte>.Shared.Return(buffer);
                    further = Math.Max(further, length) * 2;
                    continue;
                }

                var text = Encoding.UTF8.GetString(bytes[..textEnd]);
                // Cuts fall after '\n', so the margins decode on their own: only they are counted again.
                var ownedStartChar = Encoding.UTF8.GetCharCount(bytes[..ownedStart]);
                var ownedEndChar = text.Length - Encoding.UTF8.GetCharCount(bytes[ownedEnd..textEnd]);
                var source = SourceText.From(text);
                var offset = ownedChar - ownedStartChar;
                var started = engine._options.Timings is null ? 0 : Stopwatch.GetTimestamp();
                var document = PlainTextReader.Read(path, source, mayHaveHeadline: _firstBlock is not { } first || first >= offset);
                var sentences = document.Sentences;
                engine._options.Timings?.AddSince(RuleTimings.Reading, started);
                var before = SortedSpans.CountBefore(sentences, ownedStartChar);
                var beyond = sentences.Length - SortedSpans.CountBefore(sentences, ownedEndChar);
                if (!soft && textStart > fileStart && before < window && owned - textStart < engine._options.MaxParagraphBytes)
                {
                    // Too few sentences before the part's own: start at an earlier cut.
                    ArrayPool<byte>.Shared.Return(buffer);
                    textStart = _cuts.Where(c => c < textStart).Max();
                    continue;
                }

                if (!soft && textStart + textEnd < fileEnd && beyond < window)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    after *= 2;
                    continue;
                }

                var info = new DocumentPart(
                    offset,
                    ownedLine - source.GetLineIndex(ownedStartChar),
                    source.GetLinePosition(ownedStartChar) is { Line: 0 } start ? ownedColumn - start.Character : 0,
                    TextSpan.FromBounds(ownedStartChar, ownedEndChar),
                    isLast: textStart + ownedEnd == fileEnd,
                    _shared);
                if (_firstBlock is null && !document.Blocks.IsEmpty)
                {
                    _firstBlock = offset + document.Blocks[0].Span.Start;
                }

                return new Part(buffer, textStart, ownedStart, ownedEnd, textEnd, document, info);
            }
        }

        /// <summary>
        /// The first cut at or after <paramref name="from"/>, scanning from the cut <paramref name="knownCut"/>; the
        /// end of the file counts as one; -1 when more must be read. <paramref name="soft"/>: when there is no
        /// blank line, a line break, a sentence end or a space will do (<see cref="SoftCut"/>).
        /// </summary>
        private static int Cut(ReadOnlySpan<byte> bytes, long from, int knownCut, bool eof, bool soft)
        {
            var cut = from > bytes.Length ? -1 : NextCut(bytes, (int)from, knownCut);
            if (cut < 0 && soft && from < bytes.Length)
            {
                cut = SoftCut(bytes, (int)from);
            }

            return cut < 0 && eof ? bytes.Length : cut;
        }

        /// <summary>What one part finds on its own: the findings of the rules that need nothing from other parts, its directives, its first invalid byte.</summary>
        private PartFindings AnalyzeOwn(Part part)
        {
            var document = part.Document;
            var info = part.Info;
            var found = new PartFindings(engine._partRules);
            var rules = engine._partRules;
            // One context, so one word index, for the rules, the rules decided at the merge (each under the
            // assumption that lets its matches through) and what this part finds of each document-wide condition.
            DocumentAnalyzer.Analyze(
                document, rules.Own, engine.Rules.Words, _severityOf, found.Diagnostics, info, checkFixes: true, DocumentAnalyzer.EachRulePasses,
                rules.DocumentWide.IsEmpty ? null : FindDocumentWide, engine.Rules.Terms, engine._options.Fingerprints, engine._options.Timings);
            for (var assumption = 0; assumption < rules.Assumptions; assumption++)
            {
                DocumentAnalyzer.Analyze(document, rules.Assumed, rules.AssumedWords, _severityOf, found.Assumed[assumption], info, checkFixes: true, documentWide: assumption, fingerprints: engine._options.Fingerprints, timings: engine._options.Timings);
            }

            var owned = document.Directives.Where(d => info.Owns(d.Span.Start)).ToList();
            if (owned.Count > 0)
            {
                found.Directives.AddRange(Place(document, owned, info));
                found.Diagnostics.AddRange(engine.UnknownRulesIn(document, owned, info));
            }

            if (SourceDecoder.FirstInvalidUtf8(part.Bytes[part.OwnedStart..part.OwnedEnd]) is var (at, bad))
            {
                var span = new TextSpan(info.Owned.Start + at, 1);
                found.InvalidBytes = new Diagnostic
                {
                    Descriptor = EngineDiagnostics.UnreadableInput,
                    Severity = DiagnosticSeverity.Warning,
                    Message = $"invalid UTF-8 (first bad byte 0x{bad:X2}); it was read as U+FFFD and the rest of the file was linted",
                    Path = path,
                    Span = info.ToFile(span),
                    LineSpan = info.ToFile(document.Source.GetLinePositionSpan(span)),
                };
            }

            return found;
        }

        /// <summary>
        /// Notes what this part finds of each document-wide condition, whether or not its rule matches here; a
        /// condition that an earlier or a parallel part has found already is not looked for again.
        /// </summary>
        private void FindDocumentWide(RuleContext context)
        {
            var rules = engine._partRules.DocumentWide;
            for (var i = 0; i < rules.Length; i++)
            {
                foreach (var condition in rules[i].DocumentWideConditions)
                {
                    var bit = 1 << condition.DocumentWideBit;
                    if ((Volatile.Read(ref _documentWideFound[i]) & bit) == 0 && condition.FoundAnywhere(context))
                    {
                        Interlocked.Or(ref _documentWideFound[i], bit);
                    }
                }
            }
        }

        private FileResult Finish()
        {
            // Each document-wide rule's findings under what its conditions found in the whole file: a rule decided
            // here keeps the findings it made under the assumption that lets its matches through if that is what
            // holds, and has none otherwise; any other keeps what it found under the assumption that holds. A
            // time-out or failure is reported by the analysis that met it first, whichever assumption it ran under.
            var partRules = engine._partRules;
            for (var d = 0; d < partRules.Decided.Length; d++)
            {
                var rule = partRules.Decided[d];
                if (_documentWideFound[partRules.DocumentWide.IndexOf(rule)] == rule.DocumentWidePass)
                {
                    _diagnostics.AddRange(_decided[d]);
                }
            }

            if (!partRules.Assumed.IsEmpty)
            {
                // A rule is skipped once per file, so each time-out or failure is in one analysis's findings only.
                foreach (var found in _assumed)
                {
                    _diagnostics.AddRange(found.Where(EngineDiagnostics.SkipsARule));
                }
                foreach (var rule in partRules.Assumed)
                {
                    _diagnostics.AddRange(_assumed[_documentWideFound[partRules.DocumentWide.IndexOf(rule)]].Where(d => d.Id == rule.Id));
                }
            }

            // A rule whose pattern timed out or that failed in one part is skipped for the whole file, as it is for a file read whole.
            if (_shared.Skipped is { } skipped)
            {
                _diagnostics.RemoveAll(d => skipped.Any(r => r.Id == d.Id));
            }

            if (_directives.Count > 0)
            {
                Suppress(_diagnostics, _directives);
            }

            _diagnostics.Sort(DiagnosticOrder.Instance);
            return new FileResult(path, DiagnosticFingerprint.NumberOccurrences(_diagnostics), InternalError: DocumentAnalyzer.HasFailedRule(_diagnostics));
        }
    }

    /// <summary>
    /// The rules split for a file linted in parts: <see cref="Own"/> run in each part's own analysis, so parts run
    /// them in parallel; <see cref="Carried"/> keep what they learn from one part to the next
    /// (<see cref="CompiledRule.CarriesAcrossParts"/>) and run on each part in the file's order.
    /// </summary>
    private sealed class PartRules
    {
        public PartRules(RuleSet rules)
        {
            Carried = [.. rules.Rules.Where(r => r.CarriesAcrossParts)];
            CarriedWords = WordFilter.Union(Carried.Select(r => r.Words));
            DocumentWide = [.. rules.Rules.Where(r => !r.CarriesAcrossParts && !r.DocumentWideConditions.IsEmpty)];
            Decided = [.. DocumentWide.Where(r => r.DocumentWideDecidedAtMerge)];
            DecidedIndex = Decided.Select((r, i) => (r.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            Own = [.. rules.Rules.Where(r => !r.CarriesAcrossParts && (r.DocumentWideConditions.IsEmpty || r.DocumentWideDecidedAtMerge))];
            Assumed = [.. DocumentWide.Where(r => !r.DocumentWideDecidedAtMerge)];
            AssumedWords = WordFilter.Union(Assumed.Select(r => r.Words));
            Assumptions = Assumed.IsEmpty ? 0 : 1 << Assumed.Max(r => r.DocumentWideConditions.Length);
        }

        /// <summary>The rules each part runs once, in its own analysis: those that need nothing from other parts, and <see cref="Decided"/>.</summary>
        public ImmutableArray<CompiledRule> Own { get; }

        /// <summary>
        /// The rules with conditions about the whole file (`near: document`). Each part notes what it finds of
        /// those conditions; once every part is done, what the whole file holds is known.
        /// </summary>
        public ImmutableArray<CompiledRule> DocumentWide { get; }

        /// <summary>
        /// The document-wide rules that find nothing unless their document-wide conditions let their matches
        /// through (<see cref="CompiledRule.DocumentWideDecidedAtMerge"/>): each part runs them once, under that
        /// assumption, and the merge keeps their findings only if the whole file holds it.
        /// </summary>
        public ImmutableArray<CompiledRule> Decided { get; }

        /// <summary>The place in <see cref="Decided"/> of each rule's id.</summary>
        public FrozenDictionary<string, int> DecidedIndex { get; }

        /// <summary>
        /// The other document-wide rules (a condition for some matches only, or a kind that reports what a
        /// unit lacks): each part runs them once per assumption about what those conditions find, and the
        /// merge keeps the findings of the assumption that holds.
        /// </summary>
        public ImmutableArray<CompiledRule> Assumed { get; }

        public WordFilter AssumedWords { get; }

        /// <summary>How many assumptions parts run <see cref="Assumed"/> under: one per combination of a rule's document-wide conditions.</summary>
        public int Assumptions { get; }

        public ImmutableArray<CompiledRule> Carried { get; }

        /// <summary>The words the carried rules start matches at: their own word index keeps only these.</summary>
        public WordFilter CarriedWords { get; }
    }

    /// <summary>A part read and handed to its analysis: running on another core, or done (<see cref="Found"/>).</summary>
    private sealed record Pending(Part Part, Task<PartFindings>? Analysis, PartFindings? Found)
    {
        public bool IsDone => Analysis is null || Analysis.IsCompleted;
    }

    /// <summary>What a part's own analysis found.</summary>
    private sealed class PartFindings(PartRules rules)
    {
        public List<Diagnostic> Diagnostics { get; } = [];

        /// <summary>The findings of <see cref="PartRules.Assumed"/> under each assumption.</summary>
        public List<Diagnostic>[] Assumed { get; } = [.. Enumerable.Range(0, rules.Assumptions).Select(_ => new List<Diagnostic>())];

        public List<PlacedDirective> Directives { get; } = [];

        /// <summary>DL0002 at the part's first invalid byte, if it has one.</summary>
        public Diagnostic? InvalidBytes { get; set; }
    }

    /// <summary>One part as read: its bytes (a pooled buffer), where they start in the file, the owned range in them, and its document.</summary>
    private sealed record Part(byte[] Buffer, long Start, int OwnedStart, int OwnedEnd, int TextEnd, Document Document, DocumentPart Info)
    {
        public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, TextEnd);

        public bool IsLast => Info.IsLast;
    }
}
