using DocLint.Core.Text;

namespace DocLint.Core.Rules;

/// <summary>
/// Where the document a rule sees lies in its file. Most files are one document, read whole
/// (<see cref="Whole"/>). A large plain-text file is linted a part at a time: each part is a run of whole
/// paragraphs (<see cref="Owned"/>) with a few paragraphs of its neighbours around it, so that sentence
/// windows see what they would see in the whole file. Findings are kept only where the part is the owner,
/// and a rule that concludes about the whole file keeps what it learnt in <see cref="RuleContext.StateOf{T}"/>
/// from one part to the next; the verdict falls in the last part.
/// </summary>
public sealed class DocumentPart
{
    private readonly FileState _file;

    /// <param name="offset">The file offset (UTF-16 code units) of the part's first character.</param>
    /// <param name="firstLine">The zero-based line of the file that the part's first line is.</param>
    /// <param name="owned">The range whose findings this part reports, in the part's own coordinates.</param>
    /// <param name="isLast">True for the part that ends the file.</param>
    /// <param name="file">What rules carry from part to part of one file: one object shared by its parts.</param>
    /// <param name="firstColumn">The file column of the part's first character (0 unless a line too long to hold was cut inside).</param>
    internal DocumentPart(int offset, int firstLine, int firstColumn, TextSpan owned, bool isLast, FileState file)
    {
        Offset = offset;
        FirstLine = firstLine;
        FirstColumn = firstColumn;
        Owned = owned;
        IsLast = isLast;
        _file = file;
    }

    /// <summary>A document read whole: it owns all of itself, and it is its own last part.</summary>
    internal static DocumentPart Whole(int length, Matching.RegexBudget? budget = null) =>
        new(0, 0, 0, new TextSpan(0, length), isLast: true, new FileState { Budget = budget ?? new() });

    public int Offset { get; }

    public int FirstLine { get; }

    public int FirstColumn { get; }

    public TextSpan Owned { get; }

    public bool IsLast { get; }

    /// <summary>True when a finding that starts at <paramref name="position"/> is this part's to report.</summary>
    public bool Owns(int position) => position >= Owned.Start && (position < Owned.End || (IsLast && position == Owned.End));

    /// <summary>The file's position of a span in the part.</summary>
    public TextSpan ToFile(TextSpan span) => Offset == 0 ? span : new TextSpan(span.Start + Offset, span.Length);

    /// <summary>The file's lines of a line span in the part (columns are the same but on the part's first line, when it starts inside a line).</summary>
    public LinePositionSpan ToFile(LinePositionSpan span) => FirstLine == 0 && FirstColumn == 0
        ? span
        : new LinePositionSpan(ToFile(span.Start), ToFile(span.End));

    private LinePosition ToFile(LinePosition position) =>
        new(position.Line + FirstLine, position.Character + (position.Line == 0 ? FirstColumn : 0));

    internal T StateOf<T>(CompiledRule rule)
        where T : class, new()
    {
        // Parts run the other rules in parallel: only a rule that says it carries state sees them in order.
        if (!rule.CarriesAcrossParts)
        {
            throw new InvalidOperationException($"rule {rule.Id} keeps state across parts but does not say so ({nameof(CompiledRule.CarriesAcrossParts)})");
        }

        var states = _file.States ??= [];
        if (!states.TryGetValue(rule, out var state))
        {
            states[rule] = state = new T();
        }

        return (T)state;
    }

    /// <summary>The file's budget for the backtracking regex engine.</summary>
    internal Matching.RegexBudget Budget => _file.Budget;

    /// <summary>True when the rule's pattern timed out or the rule failed in another part: it is skipped for the rest of the file.</summary>
    internal bool IsSkipped(CompiledRule rule)
    {
        lock (_file)
        {
            return _file.Skipped?.Contains(rule) == true;
        }
    }

    /// <summary>Records that the rule's pattern timed out or the rule failed; false when it had already. Parts analysed in parallel share the record.</summary>
    internal bool MarkSkipped(CompiledRule rule)
    {
        lock (_file)
        {
            return (_file.Skipped ??= []).Add(rule);
        }
    }

    /// <summary>What the parts of one file share.</summary>
    internal sealed class FileState
    {
        /// <summary>What rules carry from part to part; only the parts' ordered merge touches it (one thread at a time).</summary>
        public Dictionary<CompiledRule, object>? States { get; set; }

        /// <summary>The backtracking regex engine's time left for the file.</summary>
        public Matching.RegexBudget Budget { get; init; } = new();

        /// <summary>Rules whose patterns timed out or that failed: their findings are dropped from the whole file.</summary>
        public HashSet<CompiledRule>? Skipped { get; set; }
    }
}
