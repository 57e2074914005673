using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DocLint.Core.Diagnostics;
using DocLint.Core.Documents;
using DocLint.Core.Rules.Conditions;
using DocLint.Core.Semantics;
using DocLint.Core.Text;
using Humanizer;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DocLint.Core.Rules.Loading;

/// <summary>
/// Parses one rule file into a <see cref="RuleDefinition"/>. It walks YamlDotNet's representation model by
/// hand (no reflection, so it is trimming- and AOT-safe) so that every error can point at the exact node.
/// </summary>
public sealed partial class RuleFileParser
{
    private static readonly string[] CommonKeys =
        ["id", "name", "title", "category", "severity", "kind", "scope", "voice", "message", "description", "tags", "link", "caseSensitive", "exceptions", "examples", "when", "unless"];

    private static readonly Dictionary<RuleKind, string[]> KindKeys = new()
    {
        [RuleKind.Existence] = ["terms", "patterns", "inflect"],
        [RuleKind.Substitution] = ["swap", "inflect", "fix"],
        [RuleKind.Conditional] = ["if", "requires", "window", "inflect"],
        [RuleKind.Required] = ["terms", "patterns", "frontMatter"],
        [RuleKind.Occurrence] = ["terms", "patterns", "max", "min", "inflect"],
        [RuleKind.Attribution] = ["terms", "patterns", "sources", "cueKinds", "cues", "contentKinds", "report", "unlessNamedWithin"],
    };

    /// <summary>The keys of an `attribution:` condition in `when` and `unless`.</summary>
    private static readonly string[] ConditionKeys = ["near", "sources", "cueKinds", "cues", "contentKinds", "only"];

    /// <summary>The keys of a `words:` condition.</summary>
    private static readonly string[] WordsConditionKeys = ["near", "before", "after", "terms", "patterns", "only"];

    /// <summary>Every key a rule file may use, whatever its kind (the JSON Schema must list the same).</summary>
    public static IReadOnlyList<string> AllKeys { get; } = [.. CommonKeys.Concat(KindKeys.Values.SelectMany(k => k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private readonly string _path;
    private readonly List<RuleLoadError> _errors = [];

    private RuleFileParser(string path) => _path = path;

    /// <summary>Parses <paramref name="text"/>; returns the rule, or null with at least one error.</summary>
    public static (RuleDefinition? Rule, IReadOnlyList<RuleLoadError> Errors) Parse(string path, string text)
    {
        var parser = new RuleFileParser(path);
        var rule = parser.ParseText(text);
        return (parser._errors.Count == 0 ? rule : null, parser._errors);
    }

    private RuleDefinition? ParseText(string text)
    {
        // The packs built into DocLint are its own files, checked by the test suite; the limits are for YAML
        // from outside, counted as the text loads (YamlGuard.Load).
        YamlStream stream;
        try
        {
            if (RuleSetBuilder.IsEmbedded(_path))
            {
                stream = new YamlStream();
                stream.Load(new StringReader(text));
            }
            else
            {
                stream = Text.YamlGuard.Load(text);
            }
        }
        catch (Text.YamlGuard.LimitException ex)
        {
            Error(ex.Where, ex.Message);
            return null;
        }
        catch (YamlException ex)
        {
            Error(ex.Start, $"invalid YAML: {InnermostMessage(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet rejects some malformed streams this way rather than with a YamlException (the embedded files
            // are loaded without YamlGuard, which says where).
            Error(Mark.Empty, "invalid YAML: its structure cannot be read");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            Error(Mark.Empty, "the rule file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode.Start, "a rule file holds one rule: found a second YAML document");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents[0].RootNode.Start, "a rule file must be a mapping of keys to values");
            return null;
        }

        return ParseRule(root);
    }

    private RuleDefinition? ParseRule(YamlMappingNode root)
    {
        var keys = new Dictionary<string, (YamlScalarNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                Error(keyNode.Start, "keys must be plain words");
                continue;
            }

            keys[key] = (scalarKey, value);
        }

        var id = RequiredString(root, keys, "id");
        if (id is not null && !IdSyntax().IsMatch(id))
        {
            Error(keys["id"].Value.Start, $"'{id}' is not a rule id: ids are 'DL' and four digits, such as DL3001");
        }

        if (id is not null && IdSyntax().IsMatch(id) && !Path.GetFileName(_path).StartsWith(id, StringComparison.Ordinal))
        {
            Error(keys["id"].Value.Start, $"the file name must start with the rule id '{id}' (for example {id}.name.yaml)");
        }

        var name = RequiredString(root, keys, "name");
        if (name is not null && !NameSyntax().IsMatch(name))
        {
            Error(keys["name"].Value.Start, $"'{name}' is not kebab-case (lower-case words joined by '-')");
        }

        var kind = ParseEnum<RuleKind>(keys, "kind", required: root);
        if (kind is { } k)
        {
            var allowed = CommonKeys.Concat(KindKeys[k]).ToArray();
            foreach (var (key, (keyNode, _)) in keys)
            {
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    var other = KindKeys.Where(p => p.Value.Contains(key)).Select(p => Lower(p.Key)).ToList();
                    Error(keyNode.Start, other.Count > 0
                        ? $"'{key}' is not used by kind '{Lower(k)}' (it belongs to {string.Join(", ", other)})"
                        : $"unknown key '{key}'; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }

        var message = RequiredString(root, keys, "message");
        if (message is not null)
        {
            foreach (var unknown in MessageTemplate.UnknownPlaceholders(message))
            {
                Error(keys["message"].Value.Start, $"unknown placeholder '{{{unknown}}}' in message; known: {string.Join(", ", MessageTemplate.KnownPlaceholders.Select(p => "{" + p + "}"))}");
            }
        }

        var severity = DiagnosticSeverity.Warning;
        if (keys.TryGetValue("severity", out var sev))
        {
            var word = Scalar(sev.Value, "severity");
            if (word is not null && !DiagnosticSeverityNames.TryParse(word, out severity))
            {
                Error(sev.Value.Start, $"unknown severity '{word}'; expected one of: {DiagnosticSeverityNames.ConfigWords}");
            }
        }

        var scopeField = default(string);
        RuleScope? parsedScope;
        if (keys.TryGetValue("scope", out var scopeNode) && scopeNode.Value is YamlScalarNode { Value: { } scopeText } && scopeText.StartsWith("frontmatter.", StringComparison.Ordinal))
        {
            scopeField = scopeText["frontmatter.".Length..];
            parsedScope = RuleScope.FrontMatter;
            if (!FieldSyntax().IsMatch(scopeField))
            {
                Error(scopeNode.Value.Start, $"'{scopeText}' names no front-matter key; write frontmatter.KEY, such as frontmatter.title");
            }
        }
        else
        {
            parsedScope = ParseEnum<RuleScope>(keys, "scope", required: null);
            if (parsedScope == RuleScope.FrontMatter)
            {
                Error(keys["scope"].Value.Start, "scope 'frontmatter' needs a key: frontmatter.KEY, such as frontmatter.title");
            }
        }

        var scope = parsedScope ?? (kind is RuleKind.Required or RuleKind.Occurrence ? RuleScope.Document : RuleScope.Sentence);
        var voice = ParseEnum<Voice>(keys, "voice", required: null)
            ?? (kind is RuleKind.Required ? Voice.Any : Voice.Reporter);

        var match = keys.ContainsKey("terms") || keys.ContainsKey("patterns") ? ParseMatcherKeys(keys) : MatcherSpec.Empty;
        var swap = keys.TryGetValue("swap", out var swapNode) ? ParseSwap(swapNode.Value, OptionalBool(keys, "fix") ?? true) : [];
        var rule = new RuleDefinition
        {
            Id = id ?? "",
            Name = name ?? "",
            Title = OptionalString(keys, "title") ?? (name ?? "").Humanize(LetterCasing.Sentence),
            Category = OptionalString(keys, "category") ?? "General",
            Severity = severity,
            Kind = kind ?? RuleKind.Existence,
            Scope = scope,
            ScopeField = scopeField,
            Voice = voice,
            Message = message ?? "",
            Description = OptionalString(keys, "description")?.Trim() ?? "",
            Tags = keys.TryGetValue("tags", out var tags) ? StringList(tags.Value, "tags") : [],
            Link = Link(keys),
            CaseSensitive = OptionalBool(keys, "caseSensitive") ?? false,
            Match = match,
            Swap = swap,
            Inflect = OptionalBool(keys, "inflect") ?? false,
            Exceptions = keys.TryGetValue("exceptions", out var exceptions) ? ParseMatcherNode(exceptions.Value, "exceptions") : MatcherSpec.Empty,
            If = keys.TryGetValue("if", out var ifNode) ? ParseMatcherNode(ifNode.Value, "if") : MatcherSpec.Empty,
            Requires = keys.TryGetValue("requires", out var requires) ? ParseMatcherNode(requires.Value, "requires") : MatcherSpec.Empty,
            Window = OptionalInt(keys, "window") ?? 0,
            FrontMatterKeys = keys.TryGetValue("frontMatter", out var fm) ? StringList(fm.Value, "frontMatter") : [],
            Max = OptionalInt(keys, "max"),
            Min = OptionalInt(keys, "min"),
            Examples = keys.TryGetValue("examples", out var examples) ? ParseExamples(examples.Value) : [],
            Select = kind == RuleKind.Attribution ? ParseSelector(keys.ToDictionary(k => k.Key, k => k.Value.Value, StringComparer.Ordinal)) : new(),
            Report = keys.TryGetValue("report", out var report) ? ParseWord(report.Value, "report", AttributionParts) ?? AttributionPart.Source : AttributionPart.Source,
            UnlessNamedWithin = OptionalInt(keys, "unlessNamedWithin"),
            When = keys.TryGetValue("when", out var when) ? ParseConditions(when.Value, "when") : [],
            Unless = keys.TryGetValue("unless", out var unless) ? ParseConditions(unless.Value, "unless") : [],
            Location = Location(root.Start),
        };

        if (kind is not null)
        {
            CheckKindNeeds(rule, root, keys);
        }

        return rule;
    }

    private void CheckKindNeeds(RuleDefinition rule, YamlMappingNode root, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys)
    {
        switch (rule.Kind)
        {
            case RuleKind.Existence or RuleKind.Occurrence when rule.Match.IsEmpty:
                Error(root.Start, $"kind '{Lower(rule.Kind)}' needs 'terms' or 'patterns'");
                break;
            case RuleKind.Required when rule.Match.IsEmpty && rule.FrontMatterKeys.IsEmpty:
                Error(root.Start, "kind 'required' needs 'terms', 'patterns' or 'frontMatter'");
                break;
            case RuleKind.Substitution when rule.Swap.IsEmpty:
                Error(keys.TryGetValue("swap", out var s) ? s.Value.Start : root.Start, "kind 'substitution' needs a non-empty 'swap' mapping");
                break;
            case RuleKind.Conditional when rule.If.IsEmpty || rule.Requires.IsEmpty:
                Error(root.Start, "kind 'conditional' needs both 'if' and 'requires'");
                break;
        }

        if (rule.Kind == RuleKind.Required && (keys.TryGetValue("when", out var condition) || keys.TryGetValue("unless", out condition)))
        {
            Error(condition.Key.Start, "kind 'required' concludes about the whole document; 'when' and 'unless' apply to matches of the other kinds");
        }

        if (rule.Kind == RuleKind.Occurrence && rule.Max is null && rule.Min is null)
        {
            Error(root.Start, "kind 'occurrence' needs 'max' or 'min'");
        }

        if (rule.Min is { } min && rule.Max is { } max && min > max)
        {
            Error(keys["min"].Value.Start, $"'min' ({min}) is greater than 'max' ({max})");
        }
    }

    private static readonly (string Name, AttributionPart Value)[] AttributionParts =
        [("source", AttributionPart.Source), ("cue", AttributionPart.Cue), ("content", AttributionPart.Content), ("source-and-cue", AttributionPart.SourceAndCue), ("attribution", AttributionPart.Attribution)];

    private static readonly (string Name, CueKind Value)[] CueKindNames =
        [.. Enum.GetValues<CueKind>().Select(k => (k.Name(), k))];

    private static readonly (string Name, ContentKind Value)[] ContentKindNames =
        [.. Enum.GetValues<ContentKind>().Select(k => (k.Name(), k))];

    private static readonly (string Name, Documents.BlockKind Value)[] BlockKindNames =
        [.. Enum.GetValues<Documents.BlockKind>().Select(k => (k.Name(), k))];

    private static readonly (string Name, SourceKind Value)[] SourceKindNames =
        [.. Enum.GetValues<SourceKind>().Select(k => (k.Name(), k))];

    /// <summary>`sources`, `cueKinds`, `cues` and `contentKinds`, from a rule's keys or a condition's.</summary>
    private AttributionSelector ParseSelector(Dictionary<string, YamlNode> keys) => new()
    {
        Sources = keys.TryGetValue("sources", out var sources) ? WordList(sources, "sources", SourceKindNames) : [],
        CueKinds = keys.TryGetValue("cueKinds", out var cueKinds) ? WordList(cueKinds, "cueKinds", CueKindNames) : [],
        Cues = keys.TryGetValue("cues", out var cues) ? ParseMatcherNode(cues, "cues") : MatcherSpec.Empty,
        ContentKinds = keys.TryGetValue("contentKinds", out var contents) ? WordList(contents, "contentKinds", ContentKindNames) : [],
    };

    /// <summary>
    /// `when` / `unless`: one condition (a mapping with one key) or a list of them: `attribution: {near:
    /// governs | sentence | N, sources, cueKinds, cues, contentKinds, only}`, `words: {near, terms, patterns,
    /// only}` or `block: [kinds]`.
    /// </summary>
    private ImmutableArray<RuleCondition> ParseConditions(YamlNode node, string key)
    {
        var items = node is YamlSequenceNode list ? list.Children.ToList() : [node];
        var conditions = ImmutableArray.CreateBuilder<RuleCondition>();
        foreach (var item in items)
        {
            if (item is not YamlMappingNode { Children.Count: 1 } one || one.Children.First().Key is not YamlScalarNode { Value: "attribution" or "words" or "block" or "name" or "frontMatter" } conditionKind)
            {
                Error(item.Start, $"a condition of '{key}' is 'attribution: {{near: governs | sentence | N, sources: [...], cueKinds: [...]}}', 'words: {{near: sentence | N | document, terms: [...], patterns: [...]}}', 'words: {{before: N, terms: [...]}}', 'block: [heading, caption, ...]', 'name: true' or 'frontMatter: [keys]'");
                continue;
            }

            if (conditionKind.Value == "block")
            {
                conditions.Add(new BlockCondition(WordList(one.Children.First().Value, "block", BlockKindNames), Location(item.Start)));
                continue;
            }

            if (conditionKind.Value == "name")
            {
                if (one.Children.First().Value is not YamlScalarNode { Value: "true" })
                {
                    Error(one.Children.First().Value.Start, "'name' takes the value true: the match is part of a proper name");
                }

                conditions.Add(new NameCondition(Location(item.Start)));
                continue;
            }

            if (conditionKind.Value == "frontMatter")
            {
                var keys = StringList(one.Children.First().Value, "frontMatter");
                if (keys.IsEmpty)
                {
                    Error(one.Children.First().Value.Start, "'frontMatter' needs a list of front-matter keys");
                }

                conditions.Add(new FrontMatterCondition(keys, Location(item.Start)));
                continue;
            }

            var isWords = conditionKind.Value == "words";
            if (one.Children.First().Value is not YamlMappingNode body)
            {
                Error(one.Children.First().Value.Start, $"'{conditionKind.Value}' must be a mapping, such as {{near: {(isWords ? "sentence" : "governs")}}}");
                continue;
            }

            var allowed = isWords ? WordsConditionKeys : ConditionKeys;
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (k, v) in body.Children)
            {
                var name = (k as YamlScalarNode)?.Value ?? "";
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    Error(k.Start, $"unknown key '{name}' in a{(isWords ? " words" : "n attribution")} condition; expected one of: {string.Join(", ", allowed)}");
                    continue;
                }

                fields[name] = v;
            }

            var only = fields.TryGetValue("only", out var onlyNode) ? StringList(onlyNode, "only") : [];
            var near = Nearness.Governing;
            if (fields.TryGetValue("near", out var nearNode) && Scalar(nearNode, "near") is { } text)
            {
                if (text == "governs")
                {
                    near = Nearness.Governing;
                }
                else if (text == "sentence")
                {
                    near = new Nearness(false, 0);
                }
                else if (text == "document" && isWords)
                {
                    near = Nearness.WholeDocument;
                }
                else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sentences))
                {
                    near = new Nearness(false, sentences);
                }
                else
                {
                    Error(nearNode.Start, isWords
                        ? $"'near' of a words condition is sentence, a number of sentences either side, or document; not '{text}'"
                        : $"'near' is governs (the match lies in the attribution's content), sentence, or a number of sentences either side; not '{text}'");
                }
            }

            if (isWords)
            {
                if (near.Governs)
                {
                    if (fields.TryGetValue("near", out var given))
                    {
                        Error(given.Start, "'near' of a words condition is sentence, a number of sentences either side, or document");
                    }

                    near = new Nearness(false, 0);
                }

                var words = new MatcherSpec(
                    fields.TryGetValue("terms", out var terms) ? StringList(terms, "terms") : [],
                    fields.TryGetValue("patterns", out var patterns) ? PatternList(patterns, "patterns") : []);
                if (words.IsEmpty)
                {
                    Error(body.Start, "a words condition needs 'terms' or 'patterns'");
                }

                var before = Count("before");
                var after = Count("after");
                if ((before > 0 || after > 0) && fields.TryGetValue("near", out var both))
                {
                    Error(both.Start, "a words condition looks 'near' the match or at its neighbours ('before', 'after'), not both");
                }

                conditions.Add(new WordsCondition(words, near, Location(item.Start)) { Only = only, Before = before, After = after });
                continue;

                int Count(string side)
                {
                    if (!fields.TryGetValue(side, out var node))
                    {
                        return 0;
                    }

                    if (Scalar(node, side) is { } value && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 50)
                    {
                        return n;
                    }

                    Error(node.Start, $"'{side}' is a number of words, 1 to 50");
                    return 0;
                }
            }

            conditions.Add(new AttributionCondition(ParseSelector(fields), near, Location(item.Start)) { Only = only });
        }

        return conditions.ToImmutable();
    }

    /// <summary>A list of words from a closed set (kinds of source, cue or content), each checked where it is written.</summary>
    private ImmutableArray<T> WordList<T>(YamlNode node, string key, (string Name, T Value)[] known)
        where T : struct
    {
        var values = ImmutableArray.CreateBuilder<T>();
        foreach (var item in node is YamlSequenceNode list ? list.Children.ToList() : [node])
        {
            if (ParseWord(item, key, known) is { } value)
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }

    private T? ParseWord<T>(YamlNode node, string key, (string Name, T Value)[] known)
        where T : struct
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in known)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Error(node.Start, $"unknown {key} '{text}'; expected one of: {string.Join(", ", known.Select(k => k.Name))}");
        return null;
    }

    private MatcherSpec ParseMatcherKeys(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys) => new(
        keys.TryGetValue("terms", out var terms) ? StringList(terms.Value, "terms") : [],
        keys.TryGetValue("patterns", out var patterns) ? PatternList(patterns.Value, "patterns") : []);

    /// <summary>A matcher given as a list of terms, or as a mapping with `terms` and `patterns`.</summary>
    private MatcherSpec ParseMatcherNode(YamlNode node, string key)
    {
        if (node is YamlSequenceNode)
        {
            return new MatcherSpec(StringList(node, key), []);
        }

        if (node is YamlMappingNode mapping)
        {
            var terms = ImmutableArray<string>.Empty;
            var patterns = ImmutableArray<PatternSpec>.Empty;
            foreach (var (k, v) in mapping.Children)
            {
                switch ((k as YamlScalarNode)?.Value)
                {
                    case "terms": terms = StringList(v, $"{key}.terms"); break;
                    case "patterns": patterns = PatternList(v, $"{key}.patterns"); break;
                    default: Error(k.Start, $"unknown key '{(k as YamlScalarNode)?.Value}' in '{key}'; expected terms, patterns"); break;
                }
            }

            return new MatcherSpec(terms, patterns);
        }

        Error(node.Start, $"'{key}' must be a list of terms or a mapping with 'terms' and 'patterns'");
        return MatcherSpec.Empty;
    }

    /// <param name="fixByDefault">The rule's `fix`: whether a swap's first suggestion is a safe fix unless the swap says otherwise.</param>
    private ImmutableArray<SwapEntry> ParseSwap(YamlNode node, bool fixByDefault)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node.Start, "'swap' must map each term to a suggestion or a list of suggestions");
            return [];
        }

        var entries = ImmutableArray.CreateBuilder<SwapEntry>();
        foreach (var (k, v) in mapping.Children)
        {
            var term = Scalar(k, "swap term");
            if (string.IsNullOrWhiteSpace(term))
            {
                Error(k.Start, "a swap term must not be empty");
                continue;
            }

            var fix = fixByDefault;
            var value = v;
            if (v is YamlMappingNode form)
            {
                // The long form: {suggest: text | [texts], fix: true | false}.
                value = null!;
                foreach (var (fk, fv) in form.Children)
                {
                    switch ((fk as YamlScalarNode)?.Value)
                    {
                        case "suggest":
                            value = fv;
                            break;
                        case "fix" when fv is YamlScalarNode { Value: "true" or "false" } flag:
                            fix = flag.Value == "true";
                            break;
                        case "fix":
                            Error(fv.Start, "'fix' is true (the first suggestion is a safe fix) or false (suggestions only)");
                            break;
                        default:
                            Error(fk.Start, $"unknown key '{(fk as YamlScalarNode)?.Value}' in swap.{term}; expected suggest, fix");
                            break;
                    }
                }

                if (value is null)
                {
                    Error(form.Start, $"swap.{term} needs 'suggest'");
                    continue;
                }
            }

            var suggestions = value switch
            {
                YamlScalarNode { Value: { Length: > 0 } one } when !IsAmbiguousPlain(value) => [one],
                YamlSequenceNode => StringList(value, $"swap.{term}"),
                YamlScalarNode => ImmutableArray<string>.Empty,
                _ => Invalid(value),
            };
            entries.Add(new SwapEntry(term, suggestions) { Fix = fix });
        }

        return entries.ToImmutable();

        ImmutableArray<string> Invalid(YamlNode v)
        {
            Error(v.Start, "a swap suggestion must be text or a list of texts");
            return [];
        }
    }

    private ImmutableArray<RuleExample> ParseExamples(YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node.Start, "'examples' must be a list of '- flag: …' and '- pass: …' items");
            return [];
        }

        var examples = ImmutableArray.CreateBuilder<RuleExample>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode { Children.Count: 1 } one
                || one.Children.First().Key is not YamlScalarNode { Value: "flag" or "pass" } kindNode)
            {
                Error(item.Start, "an example is '- flag: TEXT' (with [|…|] marks) or '- pass: TEXT'");
                continue;
            }

            var text = Scalar(one.Children.First().Value, kindNode.Value!);
            if (text is not null)
            {
                examples.Add(new RuleExample(kindNode.Value == "flag", text, Location(item.Start)));
            }
        }

        return examples.ToImmutable();
    }

    private ImmutableArray<string> StringList(YamlNode node, string key)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } single })
        {
            return [single];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node.Start, $"'{key}' must be a list of texts");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<string>();
        foreach (var item in sequence.Children)
        {
            if (IsAmbiguousPlain(item))
            {
                continue;
            }

            var value = Scalar(item, key);
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(item.Start, $"an item of '{key}' must be non-empty text");
            }
            else
            {
                items.Add(value);
            }
        }

        return items.ToImmutable();
    }

    private ImmutableArray<PatternSpec> PatternList(YamlNode node, string key)
    {
        var nodes = node is YamlSequenceNode sequence ? sequence.Children.ToList() : [node];
        var patterns = ImmutableArray.CreateBuilder<PatternSpec>();
        foreach (var item in nodes)
        {
            var value = Scalar(item, key);
            if (string.IsNullOrEmpty(value))
            {
                Error(item.Start, $"an item of '{key}' must be a non-empty regular expression");
                continue;
            }

            patterns.Add(new PatternSpec(value, Location(item.Start)));
        }

        return patterns.ToImmutable();
    }

    private string? RequiredString(YamlMappingNode root, Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key)
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            Error(root.Start, $"missing required key '{key}'");
            return null;
        }

        var value = Scalar(entry.Value, key);
        if (value is not null && value.Trim().Length == 0)
        {
            Error(entry.Value.Start, $"'{key}' must not be empty");
            return null;
        }

        return value;
    }

    private string? OptionalString(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key) =>
        keys.TryGetValue(key, out var entry) ? Scalar(entry.Value, key) : null;

    /// <summary>`link`: an absolute http(s) URL, the help page every format and editor points to.</summary>
    private string? Link(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys)
    {
        if (OptionalString(keys, "link") is not { } text)
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri.AbsoluteUri;
        }

        Error(keys["link"].Value.Start, $"'link' must be an absolute http or https URL, not '{text}'");
        return null;
    }

    private bool? OptionalBool(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key)
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            return null;
        }

        var text = Scalar(entry.Value, key);
        if (text is "true" or "false")
        {
            return text == "true";
        }

        if (text is not null)
        {
            Error(entry.Value.Start, $"'{key}' must be true or false, not '{text}'");
        }

        return null;
    }

    private int? OptionalInt(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key)
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            return null;
        }

        var text = Scalar(entry.Value, key);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (text is not null)
        {
            Error(entry.Value.Start, $"'{key}' must be a whole number of 0 or more, not '{text}'");
        }

        return null;
    }

    private T? ParseEnum<T>(Dictionary<string, (YamlScalarNode Key, YamlNode Value)> keys, string key, YamlMappingNode? required)
        where T : struct, Enum
    {
        if (!keys.TryGetValue(key, out var entry))
        {
            if (required is not null)
            {
                Error(required.Start, $"missing required key '{key}'");
            }

            return null;
        }

        return ParseWord(entry.Value, key, [.. Enum.GetValues<T>().Select(v => (Lower(v), v))]);
    }

    private string? Scalar(YamlNode node, string key)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Error(node.Start, $"'{key}' must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    /// <summary>
    /// An unquoted true, false, yes, no, null or ~ where text is expected: YAML-aware editors read it as a
    /// boolean or null, so it must be quoted to mean the word. Reported at the node.
    /// </summary>
    private bool IsAmbiguousPlain(YamlNode node)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value }
            && value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "null" or "~" or "on" or "off")
        {
            Error(node.Start, $"'{value}' reads as a boolean or null in YAML; quote it ('{value}') to mean the word");
            return true;
        }

        return false;
    }

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string InnermostMessage(Exception ex)
    {
        while (ex.InnerException is YamlException inner)
        {
            ex = inner;
        }

        return ex.Message;
    }

    private RuleLocation Location(Mark mark) =>
        new(_path, new LinePosition(Math.Max(0, (int)mark.Line - 1), Math.Max(0, (int)mark.Column - 1)), (int)Math.Min(int.MaxValue, mark.Index));

    private void Error(Mark mark, string message) => _errors.Add(new RuleLoadError(Location(mark), message));

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldSyntax();

    [GeneratedRegex(@"^DL\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdSyntax();

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameSyntax();
}
