using DocLint.Core.Engine;
using DocLint.Core.Rules;
using static DocLint.Core.Tests.Rules.RuleHarness;

namespace DocLint.Core.Tests.Engine;

public class FingerprintOptionTests
{
    private static readonly RuleSet Judge = LoadOk(
        ("DL9002.judge.yaml", "id: DL9002\nname: judge\nkind: existence\nmessage: m\nterms: [fiasco]\n"));

    private static List<(string Id, int Line, int Column, string? Fingerprint)> Findings(LintOptions options, string text) =>
        [.. LintFile(Judge, options, text).Select(d => (d.Id, d.LineSpan.Start.Line, d.LineSpan.Start.Character, d.Fingerprint))];

    private const string Text = "Headline\n\nIt was a fiasco. It was a fiasco.\n\nA fiasco.\n";

    [Fact]
    public void Findings_carry_fingerprints_by_default_with_a_repeated_sentence_numbered()
    {
        var found = Findings(new LintOptions(), Text);
        found.Select(f => (f.Line, f.Column)).Should().Equal((2, 9), (2, 26), (4, 2));
        found.Select(f => f.Fingerprint).Should().OnlyContain(f => f != null && f.Length > 2);
        // The same sentence twice: one hash, numbered in document order.
        found.Select(f => f.Fingerprint![^2..]).Should().Equal(":1", ":2", ":1");
        found[0].Fingerprint![..^2].Should().Be(found[1].Fingerprint![..^2]).And.NotBe(found[2].Fingerprint![..^2]);
    }

    [Fact]
    public void Without_fingerprints_the_findings_are_the_same_and_carry_none()
    {
        var found = Findings(new LintOptions { Fingerprints = false }, Text);
        found.Should().Equal(Findings(new LintOptions(), Text).Select(f => (f.Id, f.Line, f.Column, (string?)null)));
    }
}
