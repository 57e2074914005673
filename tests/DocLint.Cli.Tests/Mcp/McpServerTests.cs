using System.IO.Pipelines;
using System.Text.Json;
using DocLint.Cli.Mcp;
using DocLint.Core.Rules.Documentation;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DocLint.Cli.Tests.Mcp;

/// <summary><c>doclint mcp</c> served in-process and called by the SDK's own client, tool by tool.</summary>
public sealed class McpServerTests : IAsyncLifetime, IDisposable
{
    private const string Markdown = "# Budget talks\n\nThe minister lambasted the plan on Tuesday.\n";
    private static readonly string[] Articles = ["articles"];

    private readonly TempFolder _folder = new();
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _server;
    private McpClient? _client;

    private McpClient Client => _client!;

    public async Task InitializeAsync()
    {
        _folder.Write("doclint.yaml", "severity:\n  DL4001: none\n");
        var tools = new DocLintTools(_folder.Path);
        _server = Task.Run(() => McpHost.RunAsync(_toServer.Reader.AsStream(), _fromServer.Writer.AsStream(), tools, _stop.Token));
        _client = await McpClient.CreateAsync(new StreamClientTransport(_toServer.Writer.AsStream(), _fromServer.Reader.AsStream()));
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        await _server!.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public void Dispose()
    {
        _stop.Dispose();
        _folder.Dispose();
    }

    private async Task<CallToolResult> Call(string tool, Dictionary<string, object?> arguments) => await Client.CallToolAsync(tool, arguments);

    private static JsonElement Structured(CallToolResult result)
    {
        result.IsError.Should().NotBe(true, string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text)));
        return result.StructuredContent!.Value;
    }

    [Fact]
    public async Task The_server_lists_its_five_tools_with_input_schemas()
    {
        var tools = await Client.ListToolsAsync();
        tools.Select(t => t.Name).Should().Equal("lint_text", "lint_files", "fix_text", "explain_rule", "list_rules");
        tools.Single(t => t.Name == "lint_text").JsonSchema.GetProperty("required").EnumerateArray().Select(e => e.GetString()).Should().Equal("text");
        Client.ServerInfo!.Name.Should().Be("doclint");
    }

    [Fact]
    public async Task Lint_text_returns_the_json_formats_fields_with_the_reader_chosen_by_the_file_name_and_the_configuration_applied()
    {
        var result = Structured(await Call("lint_text", new() { ["text"] = Markdown, ["fileName"] = "story.md" }));

        result.GetProperty("version").GetInt32().Should().Be(1);
        var finding = result.GetProperty("diagnostics").EnumerateArray().Single();
        finding.GetProperty("path").GetString().Should().Be("story.md");
        finding.GetProperty("id").GetString().Should().Be("DL3001");
        finding.GetProperty("title").GetString().Should().Be("Loaded term");
        finding.GetProperty("severity").GetString().Should().Be("warning");
        finding.GetProperty("message").GetString().Should().Be("'lambasted' is a loaded term; consider 'criticized'.");
        finding.GetProperty("span").GetProperty("startLine").GetInt32().Should().Be(3);
        finding.GetProperty("span").GetProperty("startColumn").GetInt32().Should().Be(14);
        finding.GetProperty("offset").GetProperty("start").GetInt32().Should().Be(29);
        finding.GetProperty("fix").GetProperty("newText").GetString().Should().Be("criticized");
        finding.GetProperty("suppressed").GetBoolean().Should().BeFalse();
        result.GetProperty("summary").GetProperty("warnings").GetInt32().Should().Be(1);

        // The same words in an HTML attribute are markup, not prose: the .html reader masks them.
        var html = Structured(await Call("lint_text", new() { ["text"] = "<p title=\"lambasted\">Budget talks.</p>\n", ["fileName"] = "page.html" }));
        html.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
        var plain = Structured(await Call("lint_text", new() { ["text"] = "<p title=\"lambasted\">Budget talks.</p>\n", ["fileName"] = "page.txt" }));
        plain.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
        var plainWords = Structured(await Call("lint_text", new() { ["text"] = "Budget\n\nThey lambasted it.\n", ["fileName"] = "page.txt" }));
        plainWords.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("id").GetString()).Should().Equal("DL3001");
    }

    [Fact]
    public async Task Lint_files_lints_folders_as_check_does()
    {
        _folder.Write("articles/a.md", Markdown);
        _folder.Write("articles/b.txt", "Budget\n\nNothing to see.\n");

        var result = Structured(await Call("lint_files", new() { ["paths"] = Articles }));

        result.GetProperty("summary").GetProperty("files").GetInt32().Should().Be(2);
        result.GetProperty("diagnostics").EnumerateArray().Select(d => $"{d.GetProperty("path").GetString()} {d.GetProperty("id").GetString()}")
            .Should().Equal($"{Path.Combine("articles", "a.md")} DL3001");
        var cli = CliRunner.Run(_folder.Path, "check", "articles", "--format", "json", "--relative-paths");
        System.Text.Json.Nodes.JsonNode.Parse(cli.Out)!["diagnostics"]!.ToJsonString().Should().Be(System.Text.Json.Nodes.JsonNode.Parse(result.GetProperty("diagnostics").GetRawText())!.ToJsonString());
    }

    [Fact]
    public async Task Fix_text_returns_the_new_text_and_a_unified_diff()
    {
        var result = Structured(await Call("fix_text", new() { ["text"] = Markdown, ["fileName"] = "story.md" }));

        result.GetProperty("newText").GetString().Should().Be("# Budget talks\n\nThe minister criticized the plan on Tuesday.\n");
        result.GetProperty("diff").GetString().Should().Be(
            "--- a/story.md\n+++ b/story.md\n@@ -1,3 +1,3 @@\n # Budget talks\n \n-The minister lambasted the plan on Tuesday.\n+The minister criticized the plan on Tuesday.\n");
        var fix = result.GetProperty("fixes").EnumerateArray().Single();
        fix.GetProperty("id").GetString().Should().Be("DL3001");
        fix.GetProperty("oldText").GetString().Should().Be("lambasted");
        fix.GetProperty("newText").GetString().Should().Be("criticized");
    }

    [Fact]
    public async Task Explain_rule_returns_the_page_and_an_unknown_rule_is_an_error_result()
    {
        var rule = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!.Find("DL3001")!;
        var result = await Call("explain_rule", new() { ["id"] = "dl3001" });
        result.Content.OfType<TextContentBlock>().Single().Text.Should().Be(RuleDocumentation.Page(rule.Definition));
        Structured(result).GetProperty("id").GetString().Should().Be("DL3001");

        var unknown = await Call("explain_rule", new() { ["id"] = "DL9999" });
        unknown.IsError.Should().BeTrue();
        unknown.Content.OfType<TextContentBlock>().Single().Text.Should().Be("no rule 'DL9999' is loaded; the list_rules tool lists the rules");

        var missing = await Call("lint_text", new());
        missing.IsError.Should().BeTrue();
        missing.Content.OfType<TextContentBlock>().Single().Text.Should().Be("the argument 'text' is required");
    }

    [Fact]
    public async Task List_rules_lists_every_loaded_rule_as_rules_list_does()
    {
        var result = Structured(await Call("list_rules", new()));
        var ids = result.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var cli = CliRunner.Run(_folder.Path, "rules", "list").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]);
        ids.Should().Equal(cli);
        var dl3001 = result.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DL3001");
        dl3001.GetProperty("severity").GetString().Should().Be("warning");
        dl3001.GetProperty("helpUri").GetString().Should().Be("https://github.com/doclint/doclint/blob/main/docs/rules/DL3001.md");
    }
}
