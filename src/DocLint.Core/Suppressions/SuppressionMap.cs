using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Text;

namespace DocLint.Core.Suppressions;

/// <summary>A directive with the lines it starts and ends on, in the coordinates of the findings it governs.</summary>
public readonly record struct PlacedDirective(Directive Directive, int Line, int EndLine);

/// <summary>
/// Roslyn's warning-state map for inline directives: for each rule id (and for "all rules"), the offsets
/// where it is disabled or restored, sorted, searched by binary search; plus the lines that
/// disable-line and disable-next-line cover. The latest directive before a finding decides.
/// </summary>
public sealed class SuppressionMap
{
    private const string AllRules = "*";

    private readonly Dictionary<string, (int[] Offsets, bool[] Disabled)> _states;
    private readonly HashSet<(int Line, string Id)> _lines;

    /// <param name="directives">The directives in document order.</param>
    public SuppressionMap(IEnumerable<PlacedDirective> directives)
    {
        var states = new Dictionary<string, List<(int Offset, bool Disabled)>>(StringComparer.Ordinal);
        _lines = [];
        foreach (var (directive, line, endLine) in directives)
        {
            var ids = directive.RuleIds.IsEmpty ? [AllRules] : directive.RuleIds;
            foreach (var id in ids)
            {
                switch (directive.Kind)
                {
                    case DirectiveKind.DisableLine:
                        _lines.Add((line, id));
                        break;
                    case DirectiveKind.DisableNextLine:
                        _lines.Add((endLine + 1, id));
                        break;
                    default:
                        if (!states.TryGetValue(id, out var list))
                        {
                            states[id] = list = [];
                        }

                        list.Add((directive.Span.End, directive.Kind == DirectiveKind.Disable));
                        break;
                }
            }
        }

        _states = states.ToDictionary(
            p => p.Key,
            p => (p.Value.Select(e => e.Offset).ToArray(), p.Value.Select(e => e.Disabled).ToArray()),
            StringComparer.Ordinal);
    }

    public bool IsSuppressed(Diagnostic finding)
    {
        var line = finding.LineSpan.Start.Line;
        if (_lines.Contains((line, finding.Id)) || _lines.Contains((line, AllRules)))
        {
            return true;
        }

        var own = Latest(finding.Id, finding.Span.Start);
        var all = Latest(AllRules, finding.Span.Start);
        var decisive = own.Offset >= all.Offset ? own : all;
        return decisive.Disabled;
    }

    private (int Offset, bool Disabled) Latest(string id, int position)
    {
        if (!_states.TryGetValue(id, out var state))
        {
            return (-1, false);
        }

        var index = Array.BinarySearch(state.Offsets, position);
        index = index >= 0 ? index : ~index - 1;
        return index < 0 ? (-1, false) : (state.Offsets[index], state.Disabled[index]);
    }
}
