using DocLint.Core.Reporting;
using DocLint.Core.Rules.Documentation;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;

namespace DocLint.Rules.Tests;

public class RuleDocsTests
{
    private static readonly string DocsFolder = Path.Combine(RepoPaths.Root, "docs", "rules");

    [Fact]
    public void The_generated_rule_docs_are_up_to_date()
    {
        var rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!;

        RuleDocumentation.StalePages(DocsFolder, RuleDocumentation.Generate(rules))
            .Should().BeEmpty("docs/rules is generated: run 'dotnet run --project src/DocLint.Cli -- rules docs'");
    }

    [Fact]
    public void Every_help_link_resolves_to_a_page()
    {
        var rules = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!;

        foreach (var descriptor in rules.Rules.Select(r => r.Descriptor).Concat(Core.Diagnostics.EngineDiagnostics.All))
        {
            ToolInfo.HelpUri(descriptor).Should().EndWith("/" + descriptor.HelpPath);
            File.Exists(Path.Combine(RepoPaths.Root, descriptor.HelpPath)).Should().BeTrue(descriptor.HelpPath);
        }
    }

    [Fact]
    public void A_page_has_every_section_a_reader_needs()
    {
        var rule = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!.Find("DL3001")!;

        var page = RuleDocumentation.Page(rule.Definition);

        page.Should().StartWith("# DL3001: Loaded term\n");
        foreach (var section in new[] { "## Cause", "## Why it matters", "## How to fix", "## Change its severity or suppress it", "## Examples", "## Configuration", "## Sources" })
        {
            page.Should().Contain("\n" + section + "\n");
        }

        page.Should().Contain("| slammed | criticized |").And.Contain("Washington has [|slammed|] Russia");
    }
}
