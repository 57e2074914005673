using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Rules;

public class RuleFileParserTests
{
    private const string Valid = """
        id: DL9001
        name: test-rule
        kind: existence
        message: "found '{match}'"
        terms: [foo]
        """;

    [Fact]
    public void A_valid_rule_loads_with_defaults()
    {
        var rules = LoadOk(("DL9001.test-rule.yaml", Valid));

        var rule = rules.Rules.Should().ContainSingle().Subject.Definition;
        rule.Title.Should().Be("Test rule", "the title defaults to the humanized name");
        rule.Severity.Should().Be(DocLint.Core.Diagnostics.DiagnosticSeverity.Warning);
        rule.Scope.Should().Be(DocLint.Core.Rules.RuleScope.Sentence);
        rule.Voice.Should().Be(DocLint.Core.Rules.Voice.Reporter);
    }

    [Theory]
    [InlineData("id: DL9001\nname: [unclosed\n", "DL9001.x.yaml(3,1): invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\ncolour: red\n", "DL9001.x.yaml(6,1): unknown key 'colour'; expected one of:")]
    [InlineData("id: DL9001\nname: test\nkind: magic\nmessage: m\n", "DL9001.x.yaml(3,7): unknown kind 'magic'; expected one of: existence, substitution, conditional, required, occurrence")]
    [InlineData("name: test\nkind: existence\nmessage: m\nterms: [a]\n", "DL9001.x.yaml(1,1): missing required key 'id'")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nterms: [a]\n", "DL9001.x.yaml(1,1): missing required key 'message'")]
    [InlineData("id: DL91\nname: test\nkind: existence\nmessage: m\nterms: [a]\n", "DL9001.x.yaml(1,5): 'DL91' is not a rule id")]
    [InlineData("id: DL9002\nname: test\nkind: existence\nmessage: m\nterms: [a]\n", "DL9001.x.yaml(1,5): the file name must start with the rule id 'DL9002'")]
    [InlineData("id: DL9001\nname: Test_Rule\nkind: existence\nmessage: m\nterms: [a]\n", "DL9001.x.yaml(2,7): 'Test_Rule' is not kebab-case")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\npatterns:\n  - 'ok'\n  - '(unclosed'\n", "DL9001.x.yaml(7,5): invalid regular expression")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: 'bad {matc}'\nterms: [a]\n", "DL9001.x.yaml(4,10): unknown placeholder '{matc}' in message")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nswap: {a: b}\nterms: [a]\n", "DL9001.x.yaml(5,1): 'swap' is not used by kind 'existence' (it belongs to substitution)")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nseverity: fatal\nterms: [a]\n", "DL9001.x.yaml(5,11): unknown severity 'fatal'")]
    [InlineData("id: DL9001\nname: test\nkind: occurrence\nmessage: m\nterms: [a]\n", "DL9001.x.yaml(1,1): kind 'occurrence' needs 'max' or 'min'")]
    [InlineData("id: DL9001\nname: test\nkind: conditional\nmessage: m\nif: [a]\n", "DL9001.x.yaml(1,1): kind 'conditional' needs both 'if' and 'requires'")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nwindow: -1\n", "DL9001.x.yaml(6,1): 'window' is not used by kind 'existence'")]
    [InlineData("id: DL9001\nname: test\nkind: conditional\nmessage: m\nif: [a]\nrequires: [b]\nwindow: many\n", "DL9001.x.yaml(7,9): 'window' must be a whole number")]
    [InlineData("- just\n- a list\n", "DL9001.x.yaml(1,1): a rule file must be a mapping")]
    [InlineData("", "DL9001.x.yaml(1,1): the rule file is empty")]
    [InlineData("id: DL9001\nname: test\nkind: substitution\nmessage: m\nswap:\n  phony: [false, disputed]\n", "DL9001.x.yaml(6,11): 'false' reads as a boolean or null in YAML; quote it ('false') to mean the word")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [yes, maybe]\n", "DL9001.x.yaml(5,9): 'yes' reads as a boolean or null in YAML")]
    [InlineData("id: DL9001\nid: DL9001\n", "DL9001.x.yaml(2,1): invalid YAML")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nexamples:\n  - flag: 'x'\n    pass: 'y'\n", "DL9001.x.yaml(7,5): an example is '- flag: TEXT'")]
    [InlineData("id: DL9001\nname: test\nkind: attribution\nmessage: m\nsources: [unnamed-person]\n", "DL9001.x.yaml(5,11): unknown sources 'unnamed-person'; expected one of: none, named-person, named-organisation, named-document, unnamed-document, outlet, reference, unnamed-individual, unnamed-group, unnamed-spokesperson")]
    [InlineData("id: DL9001\nname: test\nkind: attribution\nmessage: m\ncueKinds: [shouting]\n", "DL9001.x.yaml(5,12): unknown cueKinds 'shouting'; expected one of: speech, belief, intent, evidence, stance, naming, frame, hedge")]
    [InlineData("id: DL9001\nname: test\nkind: attribution\nmessage: m\nreport: speaker\n", "DL9001.x.yaml(5,9): unknown report 'speaker'; expected one of: source, cue, content, source-and-cue, attribution")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nsources: [outlet]\n", "DL9001.x.yaml(6,1): 'sources' is not used by kind 'existence' (it belongs to attribution)")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  attribution: {near: nearby}\n", "DL9001.x.yaml(7,23): 'near' is governs (the match lies in the attribution's content), sentence, or a number of sentences either side; not 'nearby'")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  attribution: {sources: [outlet], within: 2}\n", "DL9001.x.yaml(7,36): unknown key 'within' in an attribution condition; expected one of: near, sources, cueKinds, cues, contentKinds")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nwhen:\n  speaker: named\n", "DL9001.x.yaml(7,3): a condition of 'when' is 'attribution:")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  words: {before: 0, terms: [b]}\n", "DL9001.x.yaml(7,19): 'before' is a number of words, 1 to 50")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  words: {near: 2, after: 1, terms: [b]}\n", "DL9001.x.yaml(7,17): a words condition looks 'near' the match or at its neighbours ('before', 'after'), not both")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  name: yes\n", "DL9001.x.yaml(7,9): 'name' takes the value true: the match is part of a proper name")]
    [InlineData("id: DL9001\nname: test\nkind: substitution\nmessage: m\nswap:\n  a: {suggest: b, fix: maybe}\n", "DL9001.x.yaml(6,24): 'fix' is true (the first suggestion is a safe fix) or false (suggestions only)")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  words: {near: governs, terms: [b]}\n", "DL9001.x.yaml(7,17): 'near' of a words condition is sentence, a number of sentences either side, or document")]
    [InlineData("id: DL9001\nname: test\nkind: existence\nmessage: m\nterms: [a]\nunless:\n  block: [footer]\n", "DL9001.x.yaml(7,11): unknown block 'footer'; expected one of: heading, paragraph, blockquote, list-item, caption")]
    [InlineData("id: DL9001\nname: test\nkind: required\nmessage: m\nterms: [a]\nunless:\n  block: [heading]\n", "DL9001.x.yaml(6,1): kind 'required' concludes about the whole document; 'when' and 'unless' apply to matches of the other kinds")]
    public void Errors_point_at_the_exact_node(string yaml, string expected)
    {
        var result = Load(("DL9001.x.yaml", yaml));

        result.Succeeded.Should().BeFalse();
        Errors(result).Should().Contain(expected);
        result.Errors.Should().OnlyContain(e => e.Id == "DL0001" && e.Severity == DocLint.Core.Diagnostics.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Duplicate_ids_are_an_error_at_the_second_file()
    {
        var result = Load(("a/DL9001.one.yaml", Valid.Replace("test-rule", "one", StringComparison.Ordinal)), ("b/DL9001.two.yaml", Valid.Replace("test-rule", "two", StringComparison.Ordinal)));

        Errors(result).Should().Be("b/DL9001.two.yaml(1,1): duplicate rule id 'DL9001': already defined in a/DL9001.one.yaml");
    }

    [Fact]
    public void A_failing_example_is_a_load_error_at_the_example()
    {
        var yaml = Valid + "\nexamples:\n  - flag: 'a [|foo|] here'\n  - flag: 'no [|bar|] here'\n  - pass: 'foo again'\n";

        var result = Load(("DL9001.test-rule.yaml", yaml));

        Errors(result).Should().Be(
            "DL9001.test-rule.yaml(8,5): DL9001: example does not produce what it marks; expected \"no [|bar|] here\" but got \"no bar here\"\n"
            + "DL9001.test-rule.yaml(9,5): DL9001: example does not produce what it marks; expected \"foo again\" but got \"[|foo|] again\"");
    }

    [Fact]
    public void Examples_can_name_other_rules()
    {
        var other = "id: DL9002\nname: other\nkind: existence\nmessage: m\nterms: [bar]\n";
        var yaml = Valid + "\nexamples:\n  - flag: '[|foo|] and {|DL9002:bar|}'\n";

        var result = Load(("DL9001.test-rule.yaml", yaml), ("DL9002.other.yaml", other));

        result.Errors.Should().BeEmpty();
    }
}
