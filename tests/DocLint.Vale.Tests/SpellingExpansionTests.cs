using System.Text.RegularExpressions;
using DocLint.Core.Vale.Spelling;

namespace DocLint.Vale.Tests;

/// <summary>
/// The built-in dictionary, read by stripping affixes, accepts exactly the words Vale's reader makes by expanding
/// every stem with its affixes: every expanded form, and no near miss the expansion does not make.
/// </summary>
public sealed class SpellingExpansionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "DocLint.Core", "Vale", "Spelling", "Dictionary");

    [Fact]
    public void The_built_in_dictionary_accepts_exactly_the_expanded_forms()
    {
        var forms = Expand(File.ReadAllLines(Path.Combine(Folder, "en_US.aff")), File.ReadAllLines(Path.Combine(Folder, "en_US.dic")));
        forms.Count.Should().BeGreaterThan(160_000);

        var english = SpellChecker.English;
        forms.Where(f => !english.Contains(f)).Should().BeEmpty();

        var misses = forms.SelectMany(f => new[] { f + "s", f + "ed", f + "ing", "un" + f, "re" + f, f[..^1] }).Where(f => f.Length > 0).Distinct().ToList();
        misses.Should().HaveCountGreaterThan(500_000);
        misses.Where(m => english.Contains(m) != forms.Contains(m)).Take(20).Should().BeEmpty();
    }

    // Vale's expansion: each line of the word list gives its stem, the stem with each suffix and each prefix of its
    // flags, and, where both classes allow cross products, each prefixed form with each suffix.
    private static HashSet<string> Expand(string[] aff, string[] dic)
    {
        var classes = new Dictionary<char, (bool Prefix, bool Cross, List<(string Strip, string Add, Regex? Condition)> Rules)>();
        var onlyInCompound = "";
        foreach (var line in aff)
        {
            var p = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (p.Length >= 2 && p[0] == "ONLYINCOMPOUND")
            {
                onlyInCompound = p[1];
            }
            else if (p.Length > 4 && p[0] is "PFX" or "SFX")
            {
                var c = classes[p[1][0]];
                var condition = p[4] == "." ? null : new Regex(c.Prefix ? "^" + p[4] : p[4] + "$");
                c.Rules.Add((p[2] == "0" ? "" : p[2], p[3] == "0" ? "" : p[3], condition));
            }
            else if (p.Length == 4 && p[0] is "PFX" or "SFX")
            {
                classes[p[1][0]] = (p[0] == "PFX", p[2] == "Y", []);
            }
        }

        IEnumerable<string> Apply((bool Prefix, bool Cross, List<(string Strip, string Add, Regex? Condition)> Rules) c, string word) =>
            c.Rules.Where(r => r.Condition is null || r.Condition.IsMatch(word)).Select(r => c.Prefix
                ? r.Add + word
                : (r.Strip.Length > 0 && word.EndsWith(r.Strip, StringComparison.Ordinal) ? word[..^r.Strip.Length] : word) + r.Add);

        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in dic.Skip(1))
        {
            var entry = line.Split('\t')[0];
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            var (word, flags) = slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]);
            if (word.Length == 0 || flags.Any(onlyInCompound.Contains))
            {
                continue;
            }

            forms.Add(word);
            var cross = flags.Where(classes.ContainsKey).Select(f => classes[f]).ToList();
            foreach (var c in cross.Where(c => !c.Cross))
            {
                forms.UnionWith(Apply(c, word));
            }

            var suffixes = cross.Where(c => c.Cross && !c.Prefix).ToList();
            foreach (var suffix in suffixes)
            {
                forms.UnionWith(Apply(suffix, word));
            }

            foreach (var prefix in cross.Where(c => c.Cross && c.Prefix))
            {
                var prefixed = Apply(prefix, word).ToList();
                forms.UnionWith(prefixed);
                foreach (var suffix in suffixes)
                {
                    forms.UnionWith(prefixed.SelectMany(w => Apply(suffix, w)));
                }
            }
        }

        return forms;
    }
}
