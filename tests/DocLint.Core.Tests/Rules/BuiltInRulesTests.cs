using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Rules;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Rules.Loading;
using DocLint.Core.Rules.Matching;
using DocLint.Core.Semantics;

namespace DocLint.Core.Tests.Rules;

/// <summary>
/// The built-in packs ship precompiled (<c>BuiltInRules.g.cs</c>): C# that builds the definitions their YAML
/// files parse to, so a run parses no YAML. These tests hold that file to the YAML, rule by rule.
/// </summary>
public class BuiltInRulesTests
{
    private const string GeneratedPath = "src/DocLint.Core/Rules/Loading/BuiltInRules.g.cs";

    [Fact]
    public void The_generated_file_is_what_the_yaml_files_of_the_packs_generate()
    {
        var expected = BuiltInRulesEmitter.Emit(FromYaml());
        var file = Path.Combine(RepositoryRoot(), GeneratedPath);
        var actual = File.ReadAllText(file);
        if (actual != expected && Environment.GetEnvironmentVariable("DOCLINT_WRITE_BUILTIN_RULES") == "1")
        {
            File.WriteAllText(file, expected);
            actual = expected;
        }

        actual.Should().Be(expected, "the precompiled packs must follow rules/*.yaml (DOCLINT_WRITE_BUILTIN_RULES=1 dotnet test tests/DocLint.Core.Tests --filter BuiltInRules rewrites it)");
    }

    [Fact]
    public void No_built_in_pattern_keeps_to_the_interpreter()
    {
        // A pattern whose matches the automaton may end elsewhere keeps to the backtracking interpreter for good
        // (PatternRegex), however much it costs. The packs' patterns are written so that none does: alternatives that
        // do not start alike ("in(?:to)?", not "in|into"; "charge[ds]?", not "charged|charges?"), and a bounded
        // repetition of words as optional groups, one inside the other, not "(?:\s+word){0,2}".
        var keeping = FromYaml()
            .SelectMany(d => new[] { d.Match, d.Exceptions, d.If, d.Requires }.SelectMany(m => m.Patterns).Select(p => (d.Id, d.CaseSensitive, p.Pattern)))
            .Where(p => BoundedPattern.MayEndMatchesElsewhereOnLinearEngine(p.Pattern, p.CaseSensitive ? System.Text.RegularExpressions.RegexOptions.None : System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(p => $"{p.Id}: {p.Pattern}");

        keeping.Should().BeEmpty();
    }

    [Fact]
    public void Each_precompiled_rule_equals_its_yaml_member_by_member()
    {
        var yaml = FromYaml();
        var precompiled = BuiltInRules.Definitions();
        precompiled.Select(d => d.Location.Path).Should().Equal(yaml.Select(d => d.Location.Path));
        precompiled.Should().HaveCount(14);
        for (var i = 0; i < yaml.Count; i++)
        {
            // Every property, the derived ones included, compared as values (records hold arrays, which compare by reference).
            precompiled[i].Should().BeEquivalentTo(yaml[i], o => o.ComparingRecordsByMembers().RespectingRuntimeTypes().WithStrictOrdering(), yaml[i].Id);
            BuiltInRulesEmitter.Emit([precompiled[i]]).Should().Be(BuiltInRulesEmitter.Emit([yaml[i]]));
        }
    }

    [Fact]
    public void The_embedded_defaults_are_the_precompiled_rules_with_no_yaml_parsed()
    {
        var loaded = new RuleSetBuilder().AddEmbeddedDefaults().Build();
        loaded.Errors.Should().BeEmpty();
        loaded.RuleSet!.Rules.Select(r => r.Id).Should().Equal(BuiltInRules.Definitions().Select(d => d.Id).Order(StringComparer.Ordinal));
        loaded.RuleSet.Find("DL3001")!.Definition.Location.Path.Should().Be("doclint:rules/tone/DL3001.loaded-term.yaml");
        var fromYaml = new RuleSetBuilder().AddEmbeddedYaml().Build();
        fromYaml.Errors.Should().BeEmpty();
        fromYaml.RuleSet!.Rules.Select(r => r.Descriptor.ToString()).Should().Equal(loaded.RuleSet.Rules.Select(r => r.Descriptor.ToString()));
    }

    [Fact]
    public void The_built_in_patterns_literal_prefilters_come_from_the_table_as_derived()
    {
        var patterns = BuiltInRulesEmitter.Patterns(BuiltInRules.Definitions()).ToList();
        patterns.Should().HaveCountGreaterThan(50);
        foreach (var pattern in patterns)
        {
            BuiltInRules.LiteralsOf(pattern).Should().NotBeNull(pattern);
            RequiredLiterals.From(pattern).Sets.Should().BeEquivalentTo(RequiredLiterals.Derive(pattern).Sets, o => o.WithStrictOrdering(), pattern);
        }

        BuiltInRules.LiteralsOf(@"\bnot (?:a|one) of the built-in patterns\b").Should().BeNull();
    }

    [Fact]
    public void The_emitter_writes_every_value_a_definition_can_hold()
    {
        var at = new RuleLocation("doclint:rules/x/DL9999.x.yaml", new(3, 4), 50);
        var rule = new RuleDefinition
        {
            Id = "DL9999",
            Name = "x",
            Title = "Quote \" backslash \\ tab \t é",
            Category = "Tone",
            Severity = DiagnosticSeverity.Error,
            Kind = RuleKind.Attribution,
            Scope = RuleScope.FrontMatter,
            ScopeField = "title",
            Voice = Voice.Attributed,
            Message = "m\r\n",
            Link = "https://example.org/",
            CaseSensitive = true,
            Match = new(["a"], [new PatternSpec(@"\bb\b", at)]),
            Swap = [new SwapEntry("c", ["d", "e"]) { Fix = false }],
            Inflect = true,
            Window = 2,
            FrontMatterKeys = ["licence"],
            Max = 3,
            Min = 1,
            Examples = [new RuleExample(false, "[|x|]", at)],
            Select = new AttributionSelector { Sources = [SourceKind.NamedPerson], CueKinds = [CueKind.Speech], ContentKinds = [ContentKind.Quotation], Cues = new(["said"], []) },
            Report = AttributionPart.SourceAndCue,
            UnlessNamedWithin = 12,
            When = [new WordsCondition(new(["f"], []), new Nearness(false, -1), at) { Before = 2, After = 1, Only = ["a"] }, new NameCondition(at)],
            Unless = [new AttributionCondition(AttributionSelector.Any, Nearness.Governing, at), new BlockCondition([BlockKind.Heading], at), new FrontMatterCondition(["k"], at)],
            Location = at,
        };

        var text = BuiltInRulesEmitter.Emit([rule]);
        text.Should().Contain("Title = \"Quote \\\" backslash \\\\ tab \\t \\u00E9\",")
            .And.Contain("Message = \"m\\r\\n\",")
            .And.Contain("Swap = [new SwapEntry(\"c\", [\"d\", \"e\"]) { Fix = false }],")
            .And.Contain("new WordsCondition(new MatcherSpec([\"f\"], []), new Nearness(false, -1), L(P, 3, 4, 50)) { Only = [\"a\"], Before = 2, After = 1 }")
            .And.Contain("UnlessNamedWithin = 12,")
            .And.Contain("Max = 3,");
    }

    [Fact]
    public void Long_lists_are_written_as_one_string_and_a_separator_in_a_rule_is_refused()
    {
        var at = new RuleLocation("doclint:rules/x/DL9998.x.yaml", new(1, 0), 0);
        var terms = Enumerable.Range(0, BuiltInRulesEmitter.LongList).Select(i => $"t{i}").ToImmutableArray();
        var swaps = terms.Select((t, i) => new SwapEntry(t, i == 0 ? [] : ["s", "u"]) { Fix = i % 2 == 0 }).ToImmutableArray();
        var rule = new RuleDefinition
        {
            Id = "DL9998",
            Name = "x",
            Title = "x",
            Category = "Tone",
            Severity = DiagnosticSeverity.Warning,
            Kind = RuleKind.Substitution,
            Scope = RuleScope.Sentence,
            Voice = Voice.Any,
            Message = "m",
            Match = new(terms, []),
            Swap = swaps,
            Location = at,
        };

        var text = BuiltInRulesEmitter.Emit([rule]);
        text.Should().Contain("Match = new MatcherSpec(Items(\"t0\\u001Ft1\\u001Ft2\\u001Ft3\\u001Ft4\\u001Ft5\\u001Ft6\\u001Ft7\"), []),")
            .And.Contain("Swap = Swaps(\"t0\\u001D\\u001Dfix\\u001Et1\\u001Ds\\u001Fu\\u001D\\u001Et2\\u001Ds\\u001Fu\\u001Dfix\\u001E");
        var separated = rule with { Match = new([.. terms.SetItem(3, "a\u001Fb")], []) };
        FluentActions.Invoking(() => BuiltInRulesEmitter.Emit([separated])).Should().Throw<InvalidOperationException>()
            .WithMessage("'a\u001Fb' holds a separator of the precompiled lists");
    }

    private static List<RuleDefinition> FromYaml()
    {
        var assembly = typeof(RuleSetBuilder).Assembly;
        var definitions = new List<RuleDefinition>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("DocLint.Rules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var (definition, errors) = RuleFileParser.Parse(RuleSetBuilder.EmbeddedPrefix + name["DocLint.Rules/".Length..], reader.ReadToEnd());
            errors.Should().BeEmpty();
            definitions.Add(definition!);
        }

        return definitions;
    }

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "DocLint.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("DocLint.sln not found above the test folder");
        }

        return folder;
    }
}

/// <summary>Writes the C# that builds rule definitions: the text of <c>BuiltInRules.g.cs</c>.</summary>
internal static class BuiltInRulesEmitter
{
    public static string Emit(IReadOnlyList<RuleDefinition> rules)
    {
        var s = new StringBuilder();
        s.Append("// <auto-generated>\n")
            .Append("// The built-in rule packs (rules/**/*.yaml) as the definitions their files parse to, so that a run parses no YAML.\n")
            .Append("// Made by a test (BuiltInRulesTests), which fails when this file and the YAML differ;\n")
            .Append("// DOCLINT_WRITE_BUILTIN_RULES=1 dotnet test tests/DocLint.Core.Tests --filter BuiltInRules rewrites it.\n")
            .Append("// </auto-generated>\n")
            .Append("#nullable enable\n")
            .Append("using System.Collections.Immutable;\n")
            .Append("using DocLint.Core.Diagnostics;\n")
            .Append("using DocLint.Core.Documents;\n")
            .Append("using DocLint.Core.Rules.Conditions;\n")
            .Append("using DocLint.Core.Semantics;\n\n")
            .Append("namespace DocLint.Core.Rules.Loading;\n\n")
            .Append("internal static partial class BuiltInRules\n{\n")
            .Append("    /// <summary>The built-in rules, in the ordinal order of their files' paths.</summary>\n")
            .Append("    public static ImmutableArray<RuleDefinition> Definitions() =>\n    [\n");
        foreach (var rule in rules)
        {
            s.Append("        ").Append(rule.Id).Append("(),\n");
        }

        s.Append("    ];\n");
        foreach (var rule in rules)
        {
            s.Append('\n');
            Rule(s, rule);
        }

        // The literal prefilter of each pattern, as records of the pattern and its sets, each set's literals joined as items.
        var table = Patterns(rules).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(pattern => string.Join(BuiltInRules.FieldSeparator, RequiredLiterals.Derive(pattern).Sets.Select(Joined).Prepend(Checked(pattern))));
        s.Append("\n    /// <summary>Each built-in pattern and its literal prefilter (<see cref=\"LiteralsOf\"/>), a record a line.</summary>\n")
            .Append("    private const string LiteralTable =\n        ")
            .Append(string.Join(" +\n        ", table.Select((record, i) => Lit(i == 0 ? record : BuiltInRules.RecordSeparator + record))))
            .Append(";\n}\n");
        return s.ToString();

    }

    /// <summary>Every pattern a rule holds: its matchers', its exceptions', its cues' and its conditions'.</summary>
    public static IEnumerable<string> Patterns(IEnumerable<RuleDefinition> rules) => rules
        .SelectMany(r => new[] { r.Match, r.Exceptions, r.If, r.Requires, r.Select.Cues }.Concat(r.When.Concat(r.Unless).Select(c => c switch
        {
            WordsCondition w => w.Words,
            AttributionCondition a => a.Selector.Cues,
            _ => MatcherSpec.Empty,
        })))
        .SelectMany(m => m.Patterns.Select(p => p.Pattern));

    private static void Rule(StringBuilder s, RuleDefinition r)
    {
        s.Append("    private static RuleDefinition ").Append(r.Id).Append("()\n    {\n")
            .Append("        const string P = ").Append(Lit(r.Location.Path)).Append(";\n")
            .Append("        return new RuleDefinition\n        {\n");
        void Field(string name, string value) => s.Append("            ").Append(name).Append(value.StartsWith('\n') ? " =" : " = ").Append(value).Append(",\n");
        Field("Id", Lit(r.Id));
        Field("Name", Lit(r.Name));
        Field("Title", Lit(r.Title));
        Field("Category", Lit(r.Category));
        Field("Severity", "DiagnosticSeverity." + r.Severity);
        Field("Kind", "RuleKind." + r.Kind);
        Field("Scope", "RuleScope." + r.Scope);
        Field("ScopeField", Lit(r.ScopeField));
        Field("Voice", "Voice." + r.Voice);
        Field("Message", Lit(r.Message));
        Field("Description", Lit(r.Description));
        Field("Tags", Strings(r.Tags));
        Field("Link", Lit(r.Link));
        Field("CaseSensitive", Bool(r.CaseSensitive));
        Field("Match", Matcher(r.Match));
        Field("Swap", Swaps(r.Swap));
        Field("Inflect", Bool(r.Inflect));
        Field("Exceptions", Matcher(r.Exceptions));
        Field("If", Matcher(r.If));
        Field("Requires", Matcher(r.Requires));
        Field("Window", Int(r.Window));
        Field("FrontMatterKeys", Strings(r.FrontMatterKeys));
        Field("Max", Int(r.Max));
        Field("Min", Int(r.Min));
        Field("Examples", List(r.Examples, e => $"new RuleExample({Bool(e.ExpectsFindings)}, {Lit(e.Markup)}, {Location(e.Location, r)})", multiline: true));
        Field("Select", Selector(r.Select));
        Field("Report", "AttributionPart." + r.Report);
        Field("UnlessNamedWithin", Int(r.UnlessNamedWithin));
        Field("When", List(r.When, c => Condition(c, r), multiline: true));
        Field("Unless", List(r.Unless, c => Condition(c, r), multiline: true));
        Field("Location", Location(r.Location, r));
        s.Append("        };\n    }\n");

        string Matcher(MatcherSpec m) => m.IsEmpty ? "MatcherSpec.Empty"
            : $"new MatcherSpec({Strings(m.Terms)}, {List(m.Patterns, p => $"new PatternSpec({Lit(p.Pattern)}, {Location(p.Location, r)})")})";

        string Selector(AttributionSelector a) =>
            a.Sources.IsEmpty && a.CueKinds.IsEmpty && a.Cues.IsEmpty && a.ContentKinds.IsEmpty ? "AttributionSelector.Any"
            : $"new AttributionSelector {{ Sources = {List(a.Sources, k => "SourceKind." + k)}, CueKinds = {List(a.CueKinds, k => "CueKind." + k)}, Cues = {Matcher(a.Cues)}, ContentKinds = {List(a.ContentKinds, k => "ContentKind." + k)} }}";

        string Condition(RuleCondition c, RuleDefinition rule)
        {
            var at = Location(c.Location, rule);
            var only = c.Only.IsEmpty ? "" : $"Only = {Strings(c.Only)}";
            return c switch
            {
                AttributionCondition a => $"new AttributionCondition({Selector(a.Selector)}, {Near(a.Near)}, {at}){Init(only)}",
                WordsCondition w => $"new WordsCondition({Matcher(w.Words)}, {Near(w.Near)}, {at}){Init(only, w.Before == 0 ? "" : $"Before = {w.Before}", w.After == 0 ? "" : $"After = {w.After}")}",
                NameCondition => $"new NameCondition({at}){Init(only)}",
                FrontMatterCondition f => $"new FrontMatterCondition({Strings(f.Keys)}, {at}){Init(only)}",
                BlockCondition b => $"new BlockCondition({List(b.Kinds, k => "BlockKind." + k)}, {at}){Init(only)}",
                _ => throw new NotSupportedException($"no C# for a condition of type {c.GetType().Name}"),
            };
        }
    }

    private static string Init(params string[] members) =>
        members.Any(m => m.Length > 0) ? " { " + string.Join(", ", members.Where(m => m.Length > 0)) + " }" : "";

    private static string Near(Nearness n) => $"new Nearness({Bool(n.Governs)}, {Int(n.Sentences)})";

    private static string Swap(SwapEntry e) => $"new SwapEntry({Lit(e.Term)}, {Strings(e.Suggestions)}){(e.Fix ? "" : " { Fix = false }")}";

    /// <summary>A list this long or longer is written as one string (<c>Items</c>, <c>Swaps</c>), shorter ones as C#.</summary>
    internal const int LongList = 8;

    private static string Swaps(ImmutableArray<SwapEntry> swaps) => swaps.Length < LongList ? List(swaps, Swap)
        : $"Swaps({Lit(string.Join(BuiltInRules.RecordSeparator, swaps.Select(e => string.Join(BuiltInRules.FieldSeparator, Checked(e.Term), Joined(e.Suggestions), e.Fix ? "fix" : ""))))})";

    private static string Joined(IEnumerable<string> items) => string.Join(BuiltInRules.ItemSeparator, items.Select(Checked));

    /// <summary>The text itself, when it holds none of the separators of the compact lists.</summary>
    private static string Checked(string text) =>
        text.AsSpan().IndexOfAny(BuiltInRules.ItemSeparator, BuiltInRules.RecordSeparator, BuiltInRules.FieldSeparator) < 0 ? text
        : throw new InvalidOperationException($"'{text}' holds a separator of the precompiled lists");

    /// <summary>A location in the rule's own file (<c>P</c>), or in another.</summary>
    private static string Location(RuleLocation at, RuleDefinition rule) =>
        $"L({(at.Path == rule.Location.Path ? "P" : Lit(at.Path))}, {Int(at.Position.Line)}, {Int(at.Position.Character)}, {Int(at.Offset)})";

    private static string Strings(ImmutableArray<string> items) => items.Length < LongList ? List(items, Lit) : $"Items({Lit(Joined(items))})";

    private static string List<T>(ImmutableArray<T> items, Func<T, string> item, bool multiline = false) =>
        items.IsEmpty ? "[]"
        : multiline ? "\n            [\n" + string.Concat(items.Select(i => "                " + item(i) + ",\n")) + "            ]"
        : "[" + string.Join(", ", items.Select(item)) + "]";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "null";

    private static string Lit(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var s = new StringBuilder("\"");
        foreach (var c in value)
        {
            s.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < ' ' || c > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return s.Append('"').ToString();
    }
}
