using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DocLint.Core.Vale.Spelling;

namespace DocLint.Core.Vale;

/// <summary>
/// <c>spelling</c>: every word of the scope that no dictionary holds (<see cref="SpellChecker"/>), reported with
/// the word as the message's <c>%s</c>. Words are cut as Vale cuts them (<see cref="ValeWords"/>); unless
/// <c>custom: true</c>, a word with a character other than an ASCII letter, <c>_</c> or <c>'</c>, a word that ends
/// in a capital, and a camel-cased word are not checked; each of the rule's <c>filters</c> found anywhere in a
/// word skips it too. The vocabularies' accepted entries, in any case, accept a word they match (an entry with a
/// space accepts its phrase, whose words are then not checked one by one), as do the rule's <c>exceptions</c>.
/// </summary>
public sealed class ValeSpelling : ValeRule
{
    private readonly SpellChecker _checker;
    private readonly bool _custom;
    private readonly Regex[] _filters;
    private readonly Regex? _exceptions;
    private readonly Regex? _phrases;

    public ValeSpelling(ValeRuleSpec spec, ValeStyleSet styles)
        : base(spec, styles)
    {
        var stylesPath = styles.Configuration?.StylesPath ?? Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(spec.Path))) ?? ".";
        var dictionaries = Dictionaries(spec, stylesPath);
        _checker = new SpellChecker(dictionaries, english: dictionaries.Count == 0 || spec.Bool("append"));
        try
        {
            foreach (var file in IgnoreFiles(spec, stylesPath))
            {
                _checker.AddWordList(Workspace.RegularFile.ReadAllText(file, Engine.Limits.MaxYamlBytes));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot read an ignore file: {ex.Message}", ex);
        }

        _custom = spec.Bool("custom");
        _filters = [.. spec.List("filters").Select(f => ValeRegex.Compile(f))];
        var accepted = spec.Bool("vocab", true) ? styles.Accepted : [];
        var exceptions = accepted.Concat(spec.List("exceptions")).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (exceptions.Count > 0)
        {
            _exceptions = ValeRegex.Compile("(?i)" + string.Join('|', exceptions.Select(WholeWord)));
        }

        var phrases = accepted.Where(e => e.Any(char.IsWhiteSpace)).ToList();
        if (phrases.Count > 0)
        {
            _phrases = ValeRegex.Compile("(?i)" + string.Join('|', phrases.Select(WholeWord)));
        }
    }

    // An entry is matched as a whole word unless it sets its own boundaries.
    private static string WholeWord(string entry) =>
        entry.StartsWith(@"\b", StringComparison.Ordinal) || entry.EndsWith(@"\b", StringComparison.Ordinal) ? "(?:" + entry + ")" : @"\b(?:" + entry + @")\b";

    /// <summary>
    /// The dictionaries a rule names: <c>aff</c> and <c>dic</c> (paths), or each of <c>dictionaries</c> as
    /// <c>name.aff</c> and <c>name.dic</c> in <c>dicpath</c> (absolute, or relative to the StylesPath or the working
    /// folder; by default the StylesPath's <c>config/dictionaries</c>, then the folder <c>DICPATH</c> names); with
    /// <c>append: true</c>, or when none is named, the built-in English dictionary is added by the checker.
    /// </summary>
    private static List<Hunspell> Dictionaries(ValeRuleSpec spec, string stylesPath)
    {
        var dictionaries = new List<Hunspell>();
        var aff = spec.String("aff") ?? "";
        var dic = spec.String("dic") ?? "";
        if (aff.Length > 0 || dic.Length > 0)
        {
            if (aff.Length == 0 || dic.Length == 0)
            {
                throw new ArgumentException("'aff' and 'dic' name a dictionary together: give both");
            }

            dictionaries.Add(Read(Asset(aff, stylesPath), Asset(dic, stylesPath)));
            return dictionaries;
        }

        var folders = new List<string>();
        if (spec.String("dicpath") is { Length: > 0 } dicpath)
        {
            var folder = new[] { dicpath, Path.Combine(stylesPath, dicpath), Path.GetFullPath(dicpath) }.FirstOrDefault(Directory.Exists)
                ?? throw new ArgumentException($"dicpath '{dicpath}' is not a folder (looked for it as written and in the StylesPath, {stylesPath})");
            folders.Add(folder);
        }
        else
        {
            folders.Add(Path.Combine(stylesPath, "config", "dictionaries"));
        }

        if (Environment.GetEnvironmentVariable("DICPATH") is { Length: > 0 } system)
        {
            folders.Add(system);
        }

        foreach (var name in spec.List("dictionaries"))
        {
            var folder = folders.FirstOrDefault(f => File.Exists(Path.Combine(f, name + ".dic")) && File.Exists(Path.Combine(f, name + ".aff")))
                ?? throw new ArgumentException($"dictionary '{name}' not found: no {name}.dic and {name}.aff in {string.Join(" or ", folders)}");
            dictionaries.Add(Read(Path.Combine(folder, name + ".aff"), Path.Combine(folder, name + ".dic")));
        }

        return dictionaries;
    }

    private static string Asset(string path, string stylesPath)
    {
        var tried = new[] { path, Path.Combine(stylesPath, path), Path.Combine(stylesPath, "config", "dictionaries", path) };
        return tried.FirstOrDefault(File.Exists)
            ?? throw new ArgumentException($"dictionary file '{path}' not found (looked for it as written, in the StylesPath and in its config/dictionaries: {string.Join(", ", tried.Skip(1))})");
    }

    private static Hunspell Read(string affPath, string dicPath)
    {
        try
        {
            return Hunspell.Read(affPath, dicPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot read the dictionary {dicPath} ({affPath}): {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The word lists a rule's <c>ignore</c> names, each found as written, in the StylesPath or in its
    /// <c>config/ignore</c> folder; <c>Vale.Spelling</c> reads every file of <c>config/ignore</c>.
    /// </summary>
    private static IEnumerable<string> IgnoreFiles(ValeRuleSpec spec, string stylesPath)
    {
        var ignoreFolder = Path.Combine(stylesPath, "config", "ignore");
        if (spec.Name == "Vale.Spelling")
        {
            return Directory.Exists(ignoreFolder) ? Directory.EnumerateFiles(ignoreFolder).Order(StringComparer.Ordinal) : [];
        }

        return spec.List("ignore").SelectMany(name => new[] { Path.GetFullPath(name), Path.Combine(stylesPath, name), Path.Combine(ignoreFolder, name) }
            .Where(File.Exists).Distinct(StringComparer.Ordinal));
    }

    protected override void RunUnit(ValeUnit unit, Reporter reporter)
    {
        var text = _phrases is null ? unit.Text : _phrases.Replace(unit.Text, m => new string(' ', m.Length));
        foreach (var (start, length) in ValeWords.Of(text))
        {
            var word = _checker.Convert(ValeWords.Normalize(text.AsSpan(start, length)));
            if ((!_custom && SkippedByDefault(word)) || _filters.Any(f => f.IsMatch(word)))
            {
                continue;
            }

            if (_checker.Spell(word) || (_exceptions?.IsMatch(word) ?? false))
            {
                continue;
            }

            reporter.Report(unit, start, start + length, FormatMessage(Spec.Message, word), suggestions: Suggestions(unit, start, length, word, reporter));
        }
    }

    // What a finding offers: with Vale's `suggest` action (or none), the words it may have been meant as, found only
    // when the run shows them; another action as Vale's actions are read.
    private ImmutableArray<string> Suggestions(ValeUnit unit, int start, int length, string word, Reporter reporter)
    {
        if (!reporter.ShowsFixes)
        {
            return [];
        }

        if (Spec.Action.Name is "" or "suggest")
        {
            // The dictionaries read curly apostrophes straight; a suggestion is written with the word's own.
            var suggestions = _checker.Suggest(word);
            var written = unit.Text.AsSpan(start, length);
            var curly = written.Contains('’') ? '’' : written.Contains('‘') ? '‘' : '\0';
            return curly == '\0' ? suggestions : [.. suggestions.Select(s => s.Replace('\'', curly))];
        }

        return ValeActions.For(Spec.Action, unit.ToSource(start, start + length), word).Suggestions;
    }

    /// <summary>
    /// Vale's default filters, <c>[^a-zA-Z_']</c>, <c>[A-Z]+$</c> and <c>[A-Z]{1}[a-z]+[A-Z]+\w+</c>: numbers,
    /// acronyms, abbreviations, hyphenated and non-English words, and camel case (<c>MongoDB</c>) are not checked.
    /// </summary>
    public static bool SkippedByDefault(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c) && c is not ('_' or '\''))
            {
                return true;
            }
        }

        if (word.Length > 0 && char.IsAsciiLetterUpper(word[^1]))
        {
            return true;
        }

        // A capital, lower-case letters, then two or more characters of which the first is a capital (the
        // capitals' run may give its last one to \w+).
        for (var i = 0; i < word.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(word[i]))
            {
                continue;
            }

            var j = i + 1;
            while (j < word.Length && char.IsAsciiLetterLower(word[j]))
            {
                j++;
            }

            if (j == i + 1 || j >= word.Length || !char.IsAsciiLetterUpper(word[j]))
            {
                continue;
            }

            if (j + 1 < word.Length && (char.IsAsciiLetterOrDigit(word[j + 1]) || word[j + 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }
}
