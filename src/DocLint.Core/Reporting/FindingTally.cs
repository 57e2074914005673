using DocLint.Core.Diagnostics;

namespace DocLint.Core.Reporting;

/// <summary>
/// What a run's summary line, exit code, <c>--stats</c> and GitHub job summary need of its findings, counted as they
/// come: a run that streams its findings and writes no whole-document format keeps these counts instead of every
/// finding, so its memory does not grow with the number of findings. Findings are added in output order (by path),
/// as a run delivers them; <see cref="Of"/> counts a whole list.
/// </summary>
public sealed class FindingTally
{
    private readonly int[] _shown = new int[(int)DiagnosticSeverity.Error + 1];
    private readonly Dictionary<string, Rule> _rules = new(StringComparer.Ordinal);

    /// <summary>Findings suppressed in the text (<c>doclint-disable</c> and the like), of any severity.</summary>
    public int Suppressed { get; private set; }

    /// <summary>Findings already in the baseline, not suppressed.</summary>
    public int Baselined { get; private set; }

    /// <summary>Whether a rule file met while linting could not be loaded (DL0001 as an error).</summary>
    public bool HasRuleError { get; private set; }

    /// <summary>Counts a list of findings, in any order.</summary>
    public static FindingTally Of(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics as IReadOnlyList<Diagnostic> ?? [.. diagnostics];
        var byPath = true;
        for (var i = 1; i < list.Count && byPath; i++)
        {
            byPath = string.CompareOrdinal(list[i - 1].Path, list[i].Path) <= 0;
        }

        var tally = new FindingTally();
        tally.Add(byPath ? list : list.OrderBy(d => d.Path, StringComparer.Ordinal));
        return tally;
    }

    /// <summary>
    /// Counts more findings. They come by path, after those counted before (a run delivers them so): a rule's files
    /// are counted as its findings' path changes, without remembering every path.
    /// </summary>
    public void Add(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            HasRuleError |= d.Id == EngineDiagnostics.InvalidRule.Id && d.Severity == DiagnosticSeverity.Error;
            if (d.IsSuppressed)
            {
                Suppressed++;
            }
            else if (d.Baseline == BaselineState.Unchanged)
            {
                Baselined++;
            }
            else if (d.Severity >= DiagnosticSeverity.Suggestion)
            {
                _shown[(int)d.Severity]++;
            }

            // As RuleStats counts: every finding of at least a suggestion that is not in the baseline.
            if (d.Severity < DiagnosticSeverity.Suggestion || d.Baseline == BaselineState.Unchanged)
            {
                continue;
            }

            if (!_rules.TryGetValue(d.Id, out var rule))
            {
                _rules[d.Id] = rule = new Rule(d.Id, d.Descriptor.Title);
            }

            rule.Count(d);
        }
    }

    /// <summary>Findings shown (<see cref="Report.IsShown"/>) of <paramref name="severity"/>.</summary>
    public int Shown(DiagnosticSeverity severity) => ShownBetween(severity, severity);

    /// <summary>Findings shown of a severity below <paramref name="severity"/>.</summary>
    public int ShownBelow(DiagnosticSeverity severity) => ShownBetween(DiagnosticSeverity.None, severity - 1);

    /// <summary>Findings shown of <paramref name="severity"/> or above.</summary>
    public int ShownAtLeast(DiagnosticSeverity severity) => ShownBetween(severity, DiagnosticSeverity.Error);

    private int ShownBetween(DiagnosticSeverity low, DiagnosticSeverity high)
    {
        var count = 0;
        for (var s = Math.Max((int)low, (int)DiagnosticSeverity.Suggestion); s <= Math.Min((int)high, (int)DiagnosticSeverity.Error); s++)
        {
            count += _shown[s];
        }

        return count;
    }

    /// <summary>Findings per rule, as <see cref="RuleStats.Count"/> gives them for the same findings.</summary>
    public IReadOnlyList<RuleCount> RuleCounts() =>
        [.. _rules.Values.Select(r => r.ToCount()).OrderByDescending(c => c.Findings).ThenBy(c => c.Id, StringComparer.Ordinal)];

    private sealed class Rule(string id, string title)
    {
        private DiagnosticSeverity _maxShown = DiagnosticSeverity.None;
        private DiagnosticSeverity _max = DiagnosticSeverity.None;
        private int _shown;
        private int _files;
        private int _suppressed;
        private string? _lastShownPath;

        public void Count(Diagnostic d)
        {
            _max = d.Severity > _max ? d.Severity : _max;
            if (d.IsSuppressed)
            {
                _suppressed++;
                return;
            }

            _shown++;
            _maxShown = d.Severity > _maxShown ? d.Severity : _maxShown;

            // Findings come by path, so a file is new when its path differs from the last one's.
            if (!string.Equals(d.Path, _lastShownPath, StringComparison.Ordinal))
            {
                _files++;
                _lastShownPath = d.Path;
            }
        }

        public RuleCount ToCount() => new(id, title, _shown > 0 ? _maxShown : _max, _shown, _files, _suppressed);
    }
}
