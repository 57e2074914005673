using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DocLint.Core.Documents;

namespace DocLint.Core.Vale;

/// <summary>
/// The counts Vale's <c>metric</c> variables and <c>readability</c> formulas use, over a document's prose (code
/// excluded): words, sentences, syllables, characters, complex, long and polysyllabic words, paragraphs,
/// headings per level, lists, block quotes and code blocks. Computed once per document.
/// </summary>
public sealed partial class DocumentStatistics
{
    private static readonly ConditionalWeakTable<Document, DocumentStatistics> Cache = [];

    /// <summary>Vale's readability formulas by name.</summary>
    public static ImmutableArray<string> Formulas { get; } =
        ["Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG", "Automated Readability", "Flesch Reading Ease", "LIX"];

    public double Words { get; private init; }

    public double Sentences { get; private init; }

    public double Syllables { get; private init; }

    public double Characters { get; private init; }

    public double ComplexWords { get; private init; }

    public double LongWords { get; private init; }

    public double PolysyllabicWords { get; private init; }

    /// <summary>Every variable a metric formula may name.</summary>
    public IReadOnlyDictionary<string, double> Variables { get; private init; } = new Dictionary<string, double>();

    public static DocumentStatistics Of(ValeDocument document) => Cache.GetValue(document.Document, _ => Compute(document));

    private static DocumentStatistics Compute(ValeDocument document)
    {
        var summary = document.Units("summary")[0].Text;
        double words = 0, syllables = 0, characters = 0, complex = 0, longWords = 0, poly = 0;
        foreach (Match m in WordToken().Matches(summary))
        {
            var word = m.Value;
            words++;
            characters += word.Count(char.IsLetterOrDigit);
            var count = CountSyllables(word);
            syllables += count;
            if (word.Length > 6)
            {
                longWords++;
            }

            if (count > 2)
            {
                poly++;
                if (!char.IsUpper(word[0]) && !ComplexSuffix().IsMatch(word))
                {
                    complex++;
                }
            }
        }

        var sentences = Math.Max(1, document.Document.Sentences.Length);
        var variables = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["words"] = words,
            ["sentences"] = sentences,
            ["syllables"] = syllables,
            ["characters"] = characters,
            ["complex_words"] = complex,
            ["long_words"] = longWords,
            ["polysyllabic_words"] = poly,
            ["paragraphs"] = document.Units("paragraph").Length,
            ["list"] = Groups(document.Document, BlockKind.ListItem),
            ["blockquote"] = Groups(document.Document, BlockKind.BlockQuote),
            ["pre"] = FencedCode().Count(document.Document.Source.Text) / 2.0,
        };
        for (var level = 1; level <= 6; level++)
        {
            variables[$"heading.h{level}"] = document.Units("heading").Count(u => u.Scope == $"heading.h{level}");
        }

        return new DocumentStatistics
        {
            Words = words,
            Sentences = sentences,
            Syllables = syllables,
            Characters = characters,
            ComplexWords = complex,
            LongWords = longWords,
            PolysyllabicWords = poly,
            Variables = variables,
        };
    }

    /// <summary>Runs of consecutive blocks of a kind: the lists or block quotes of a document.</summary>
    private static int Groups(Document document, BlockKind kind)
    {
        var groups = 0;
        var previous = false;
        foreach (var block in document.Blocks)
        {
            var current = block.Kind == kind;
            if (current && !previous)
            {
                groups++;
            }

            previous = current;
        }

        return groups;
    }

    /// <summary>The grade of one readability formula.</summary>
    public double Grade(string formula)
    {
        var w = Math.Max(1, Words);
        var s = Math.Max(1, Sentences);
        return formula switch
        {
            "Gunning Fog" => 0.4 * ((w / s) + (100 * (ComplexWords / w))),
            "Coleman-Liau" => (0.0588 * (Characters / w * 100)) - (0.296 * (s / w * 100)) - 15.8,
            "Flesch-Kincaid" => (0.39 * (w / s)) + (11.8 * (Syllables / w)) - 15.59,
            "SMOG" => (1.043 * Math.Sqrt(PolysyllabicWords * (30 / s))) + 3.1291,
            "Automated Readability" => (4.71 * (Characters / w)) + (0.5 * (w / s)) - 21.43,
            "Flesch Reading Ease" => 206.835 - (1.015 * (w / s)) - (84.6 * (Syllables / w)),
            "LIX" => (w / s) + (100 * LongWords / w),
            _ => double.NaN,
        };
    }

    /// <summary>English syllables by vowel groups, with the silent endings (-e, -es, -ed) and a few diphthongs corrected.</summary>
    public static int CountSyllables(string word)
    {
        var w = word.ToLowerInvariant().Where(char.IsLetter).ToArray();
        if (w.Length == 0)
        {
            return 0;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        var text = new string(w);
        text = SilentEnding().Replace(text, "");
        text = text.TrimStart('y');
        var count = VowelGroup().Count(text);
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*")]
    private static partial Regex WordToken();

    [GeneratedRegex(@"(?:es|ed|ing)$")]
    private static partial Regex ComplexSuffix();

    [GeneratedRegex(@"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex(@"[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();

    [GeneratedRegex(@"^ {0,3}(?:```|~~~)", RegexOptions.Multiline)]
    private static partial Regex FencedCode();
}

/// <summary>A metric formula: numbers, variables, + - * /, parentheses, math.sqrt(x), math.abs(x).</summary>
public sealed class MetricFormula
{
    private readonly Func<IReadOnlyDictionary<string, double>, double> _evaluate;

    private MetricFormula(Func<IReadOnlyDictionary<string, double>, double> evaluate) => _evaluate = evaluate;

    public double Evaluate(IReadOnlyDictionary<string, double> variables) => _evaluate(variables);

    public static MetricFormula Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.Expression();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"unexpected '{text[parser.Position..].Trim()}' in the formula");
        }

        return new MetricFormula(expression);
    }

    private static readonly HashSet<string> Known =
    [
        "words", "sentences", "syllables", "characters", "complex_words", "long_words", "polysyllabic_words", "paragraphs", "list", "blockquote", "pre",
        "heading.h1", "heading.h2", "heading.h3", "heading.h4", "heading.h5", "heading.h6",
    ];

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipSpace()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        private bool Take(char c)
        {
            SkipSpace();
            if (Position < text.Length && text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        public Func<IReadOnlyDictionary<string, double>, double> Expression()
        {
            var left = Term();
            while (true)
            {
                if (Take('+'))
                {
                    var (l, r) = (left, Term());
                    left = v => l(v) + r(v);
                }
                else if (Take('-'))
                {
                    var (l, r) = (left, Term());
                    left = v => l(v) - r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double> Term()
        {
            var left = Factor();
            while (true)
            {
                if (Take('*'))
                {
                    var (l, r) = (left, Factor());
                    left = v => l(v) * r(v);
                }
                else if (Take('/'))
                {
                    var (l, r) = (left, Factor());
                    left = v => l(v) / r(v);
                }
                else
                {
                    return left;
                }
            }
        }

        private Func<IReadOnlyDictionary<string, double>, double> Factor()
        {
            SkipSpace();
            if (Take('-'))
            {
                var inner = Factor();
                return v => -inner(v);
            }

            if (Take('('))
            {
                var inner = Expression();
                if (!Take(')'))
                {
                    throw new FormatException("a '(' in the formula is not closed");
                }

                return inner;
            }

            var start = Position;
            if (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.'))
            {
                while (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.'))
                {
                    Position++;
                }

                var number = double.Parse(text[start..Position], System.Globalization.CultureInfo.InvariantCulture);
                return _ => number;
            }

            while (Position < text.Length && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '.'))
            {
                Position++;
            }

            var name = text[start..Position];
            if (name.Length == 0)
            {
                throw new FormatException($"expected a number or a variable at '{text[start..].Trim()}'");
            }

            if (name is "math.sqrt" or "math.abs")
            {
                if (!Take('('))
                {
                    throw new FormatException($"{name} needs '('");
                }

                var argument = Expression();
                if (!Take(')'))
                {
                    throw new FormatException($"{name}( is not closed");
                }

                return name == "math.sqrt" ? v => Math.Sqrt(argument(v)) : v => Math.Abs(argument(v));
            }

            if (!Known.Contains(name))
            {
                throw new FormatException($"unknown variable '{name}'; the variables are {string.Join(", ", Known.Order(StringComparer.Ordinal))}");
            }

            return v => v.TryGetValue(name, out var value) ? value : 0;
        }
    }
}
