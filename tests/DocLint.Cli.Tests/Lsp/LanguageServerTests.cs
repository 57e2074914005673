using System.Text;
using System.Text.Json.Nodes;
using DocLint.Cli.Lsp;
using DocLint.Core.Rules.Documentation;
using DocLint.Core.Rules.Loading;
using DocLint.Testing;

namespace DocLint.Cli.Tests.Lsp;

/// <summary>The language server driven in-process over streams, as an editor drives it.</summary>
public sealed class LanguageServerTests : IDisposable
{
    private const string Markdown = "# Budget talks\n\nThe minister lambasted the plan on Tuesday.\n";
    private const string DocHelp = "https://github.com/doclint/doclint/blob/main/docs/rules/DL3001.md";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Uri(string name) => new Uri(Path.Combine(_folder.Path, name)).AbsoluteUri;

    private async Task<LspTestClient> Started(JsonObject? capabilities = null, JsonObject? initializationOptions = null)
    {
        var client = new LspTestClient(_folder.Path);
        await client.InitializeAsync(_folder.Path, capabilities, initializationOptions);
        return client;
    }

    private static JsonObject Only(JsonArray diagnostics, string code) => diagnostics.OfType<JsonObject>().Single(d => (string?)d["code"] == code);

    private static string Range(JsonNode? range) =>
        $"{range!["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]}";

    /// <summary>Applies an LSP workspace edit for one document to its text (edits are non-overlapping, against the original text).</summary>
    private static string Apply(string text, JsonNode? edit, string uri)
    {
        var source = Core.Text.SourceText.From(text);
        var edits = ((JsonArray)edit!["changes"]![uri]!).Select(e => (
            Start: LspDocument.OffsetOf(source, e!["range"]!["start"], PositionEncoding.Utf16),
            End: LspDocument.OffsetOf(source, e["range"]!["end"], PositionEncoding.Utf16),
            Text: (string)e["newText"]!)).OrderByDescending(e => e.Start);
        var builder = new StringBuilder(text);
        foreach (var (start, end, newText) in edits)
        {
            builder.Remove(start, end - start).Insert(start, newText);
        }

        return builder.ToString();
    }

    [Fact]
    public async Task Initialize_offers_utf16_by_default_and_utf8_when_the_client_offers_it_and_pull_only_when_advertised()
    {
        await using (var plain = new LspTestClient(_folder.Path))
        {
            var result = await plain.InitializeAsync(_folder.Path);
            result["capabilities"]!["positionEncoding"]!.GetValue<string>().Should().Be("utf-16");
            result["capabilities"]!["textDocumentSync"]!["change"]!.GetValue<int>().Should().Be(2);
            result["capabilities"]!.AsObject().ContainsKey("diagnosticProvider").Should().BeFalse();
            result["serverInfo"]!["name"]!.GetValue<string>().Should().Be("doclint");
        }

        await using var offered = new LspTestClient(_folder.Path);
        var utf8 = await offered.InitializeAsync(_folder.Path, new JsonObject
        {
            ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16", "utf-8") },
            ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false } },
        });
        utf8["capabilities"]!["positionEncoding"]!.GetValue<string>().Should().Be("utf-8");
        utf8["capabilities"]!["diagnosticProvider"]!["identifier"]!.GetValue<string>().Should().Be("doclint");
    }

    [Fact]
    public async Task Diagnostics_are_pushed_with_the_version_code_help_link_and_severity_and_follow_incremental_edits()
    {
        await using var client = await Started();
        var uri = Uri("story.md");
        await client.OpenAsync(uri, "markdown", Markdown, version: 7);

        var diagnostics = await client.DiagnosticsAsync(uri, 7);
        var loaded = Only(diagnostics, "DL3001");
        Range(loaded["range"]).Should().Be("2:13-2:22");
        loaded["severity"]!.GetValue<int>().Should().Be(2);
        loaded["codeDescription"]!["href"]!.GetValue<string>().Should().Be(DocHelp);
        loaded["source"]!.GetValue<string>().Should().Be("doclint");
        loaded["message"]!.GetValue<string>().Should().Be("'lambasted' is a loaded term; consider 'criticized'.");
        var licence = Only(diagnostics, "DL4001");
        licence["severity"]!.GetValue<int>().Should().Be(3);
        Range(licence["range"]).Should().Be("0:2-0:14");

        // Replace "lambasted" with "slammed" (line 2, characters 13-22), then insert two words before it.
        await client.ChangeAsync(uri, 8, new JsonObject { ["range"] = LspTestClient.Range(2, 13, 2, 22), ["text"] = "slammed" });
        var second = await client.DiagnosticsAsync(uri, 8);
        Range(Only(second, "DL3001")["range"]).Should().Be("2:13-2:20");
        Only(second, "DL3001")["message"]!.GetValue<string>().Should().Be("'slammed' is a loaded term; consider 'criticized'.");

        await client.ChangeAsync(uri, 9, new JsonObject { ["range"] = LspTestClient.Range(2, 4, 2, 4), ["text"] = "prime " });
        Range(Only(await client.DiagnosticsAsync(uri, 9), "DL3001")["range"]).Should().Be("2:19-2:26");

        // A whole-text change, then closing clears the document's diagnostics.
        await client.ChangeAsync(uri, 10, new JsonObject { ["text"] = "# Budget talks\n\nThe minister criticized the plan.\n" });
        (await client.DiagnosticsAsync(uri, 10)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("DL4001");
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        var closed = await client.NextAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics" && m["params"]!["version"] is null && (string?)m["params"]!["uri"] == uri);
        closed["params"]!["diagnostics"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Code_actions_offer_the_safe_fix_fix_all_and_suppression_and_their_edits_do_what_they_say()
    {
        await using var client = await Started();
        var uri = Uri("story.md");
        var text = "# Budget talks\n\nThe minister lambasted the plan and the mayor lambasted the budget.\n";
        await client.OpenAsync(uri, "markdown", text);
        await client.DiagnosticsAsync(uri, 1);

        var actions = (JsonArray)(await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(2, 15, 2, 15),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!;
        actions.Select(a => (string?)a!["title"]).Should().Equal(
            "Replace 'lambasted' with 'criticized' (DL3001)",
            "Suppress DL3001 on this line",
            "Fix all safe findings in this document (2)");
        actions[0]!["kind"]!.GetValue<string>().Should().Be("quickfix");
        actions[0]!["isPreferred"]!.GetValue<bool>().Should().BeTrue();
        actions[0]!["diagnostics"]![0]!["code"]!.GetValue<string>().Should().Be("DL3001");
        actions[2]!["kind"]!.GetValue<string>().Should().Be(LanguageServer.FixAllKind);

        Apply(text, actions[0]!["edit"], uri).Should().Be("# Budget talks\n\nThe minister criticized the plan and the mayor lambasted the budget.\n");
        Apply(text, actions[2]!["edit"], uri).Should().Be("# Budget talks\n\nThe minister criticized the plan and the mayor criticized the budget.\n");

        // Asking only for source.fixAll gives only fix-all.
        var onlyFixAll = (JsonArray)(await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(0, 0, 0, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("source.fixAll") },
        }))!;
        onlyFixAll.Select(a => (string?)a!["title"]).Should().Equal("Fix all safe findings in this document (2)");

        var suppressedText = Apply(text, actions[1]!["edit"], uri);
        suppressedText.Should().Be("# Budget talks\n\nThe minister lambasted the plan and the mayor lambasted the budget. <!-- doclint-disable-line DL3001 -->\n");

        // The suppression is understood by the reader: both findings on the line go, the other rule's stays.
        await client.ChangeAsync(uri, 2, new JsonObject { ["text"] = suppressedText });
        (await client.DiagnosticsAsync(uri, 2)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("DL4001");
    }

    [Fact]
    public async Task A_vale_spelling_finding_offers_its_suggestions_as_quick_fixes()
    {
        _folder.Write(".vale.ini", "MinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = Vale\n");
        await using var client = await Started();
        var uri = Uri("notes.md");
        var text = "We recieve the data.\n";
        await client.OpenAsync(uri, "markdown", text);
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("Vale.Spelling");

        var actions = (JsonArray)(await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(0, 4, 0, 4),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!;
        actions.Select(a => (string?)a!["title"]).Should().Equal(
            "Replace 'recieve' with 'receive' (Vale.Spelling)",
            "Replace 'recieve' with 'relieve' (Vale.Spelling)",
            "Suppress Vale.Spelling on this line");
        actions[0]!.AsObject().ContainsKey("isPreferred").Should().BeFalse("a misspelling's meaning is the writer's to choose");
        Apply(text, actions[0]!["edit"], uri).Should().Be("We receive the data.\n");
    }

    [Fact]
    public async Task A_vale_rules_choices_keep_the_separator_they_matched_and_a_quoted_word_is_offered_none()
    {
        _folder.Write(".vale.ini", "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*]\nBasedOnStyles = T, Vale\n");
        _folder.Write("styles/T/Eg.yml", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nnonword: true\nlevel: warning\naction:\n  name: replace\nswap:\n  'e\\.g\\.,': for example|such as\n");
        await using var client = await Started();
        var uri = Uri("notes.md");
        var text = "Fruit, e.g., apples. She wrote: \"we recieve it.\"\n";
        await client.OpenAsync(uri, "markdown", text);
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("T.Eg", "Vale.Spelling");

        async Task<JsonArray> ActionsAt(int character) => (JsonArray)(await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(0, character, 0, character),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))!;

        var choices = await ActionsAt(8);
        choices.Select(a => (string?)a!["title"]).Should().Equal(
            "Replace 'e.g.,' with 'for example' (T.Eg)",
            "Replace 'e.g.,' with 'such as' (T.Eg)",
            "Suppress T.Eg on this line");
        Apply(text, choices[1]!["edit"], uri).Should().Be("Fruit, such as, apples. She wrote: \"we recieve it.\"\n");

        // The misspelling is reported, but quoted words are not the writer's to change.
        (await ActionsAt(38)).Select(a => (string?)a!["title"]).Should().Equal("Suppress Vale.Spelling on this line");
    }

    [Fact]
    public async Task Suppression_in_plain_text_is_a_directive_line_before_the_finding_with_the_same_line_break()
    {
        await using var client = await Started();
        var uri = Uri("story.txt");
        var text = "Budget talks\r\n\r\n  The minister lambasted the plan.\r\n";
        await client.OpenAsync(uri, "plaintext", text);
        await client.DiagnosticsAsync(uri, 1);

        var actions = (JsonArray)(await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(2, 16, 2, 20),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("quickfix") },
        }))!;
        var suppress = actions.Single(a => (string?)a!["title"] == "Suppress DL3001 on this line");
        var suppressed = Apply(text, suppress!["edit"], uri);
        suppressed.Should().Be("Budget talks\r\n\r\n  doclint-disable-next-line DL3001\r\n  The minister lambasted the plan.\r\n");

        await client.ChangeAsync(uri, 2, new JsonObject { ["text"] = suppressed });
        (await client.DiagnosticsAsync(uri, 2)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("DL4001");
    }

    [Fact]
    public async Task Hover_on_a_finding_shows_the_rule_page_that_rules_explain_prints()
    {
        await using var client = await Started();
        var uri = Uri("story.md");
        await client.OpenAsync(uri, "markdown", Markdown);
        await client.DiagnosticsAsync(uri, 1);

        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = LspTestClient.Position(2, 16),
        });
        var rule = new RuleSetBuilder().AddEmbeddedDefaults().Build().RuleSet!.Find("DL3001")!;
        hover!["contents"]!["kind"]!.GetValue<string>().Should().Be("markdown");
        hover["contents"]!["value"]!.GetValue<string>().Should().Be(RuleDocumentation.Page(rule.Definition));
        Range(hover["range"]).Should().Be("2:13-2:22");
        CliRunner.Run(_folder.Path, "rules", "explain", "DL3001").Out.Should().Be(RuleDocumentation.Page(rule.Definition));

        var nothing = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = LspTestClient.Position(2, 2),
        });
        nothing.Should().BeNull();
    }

    [Fact]
    public async Task Configuration_is_resolved_as_check_does_and_reloaded_and_a_broken_file_keeps_the_last_good_rules()
    {
        var config = _folder.Write("doclint.yaml", "severity:\n  DL3001: error\n");
        _folder.Write("sub/.editorconfig", "[*.md]\ndotnet_diagnostic.DL4001.severity = none\n");
        await using var client = await Started(new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
        });
        var registration = await client.NextAsync(m => (string?)m["method"] == "client/registerCapability");
        registration["params"]!["registrations"]![0]!["method"]!.GetValue<string>().Should().Be("workspace/didChangeWatchedFiles");

        var uri = Uri("sub/story.md");
        await client.OpenAsync(uri, "markdown", Markdown);
        var first = await client.DiagnosticsAsync(uri, 1);
        first.OfType<JsonObject>().Select(d => $"{d["code"]} {d["severity"]}").Should().Equal("DL3001 1");

        // The configuration changes on disk: the server re-lints the open documents.
        File.WriteAllText(config, "severity:\n  DL3001: suggestion\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(config).AbsoluteUri, ["type"] = 2 }),
        });
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => $"{d["code"]} {d["severity"]}").Should().Equal("DL3001 3");

        // A broken configuration: a diagnostic on the file, and the document keeps the last good settings.
        File.WriteAllText(config, "severity:\n  DL9999: error\n");
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject() });
        var problem = await client.DiagnosticsAsync(new Uri(config).AbsoluteUri);
        problem.Should().ContainSingle();
        problem[0]!["code"]!.GetValue<string>().Should().Be("DL0001");
        problem[0]!["severity"]!.GetValue<int>().Should().Be(1);
        problem[0]!["message"]!.GetValue<string>().Should().Be("unknown rule id 'DL9999'; 'doclint rules list' shows the rules");
        Range(problem[0]!["range"]).Should().Be("1:2-1:15");
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => $"{d["code"]} {d["severity"]}").Should().Equal("DL3001 3");

        // Mended: the file's diagnostics are cleared and the new settings apply.
        File.WriteAllText(config, "severity:\n  DL3001: warning\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(config).AbsoluteUri, ["type"] = 2 }),
        });
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => $"{d["code"]} {d["severity"]}").Should().Equal("DL3001 2");
        (await client.DiagnosticsAsync(new Uri(config).AbsoluteUri)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_broken_rule_file_in_a_rule_folder_is_reported_on_that_file_and_the_rules_stay()
    {
        _folder.Write("doclint.yaml", "rules: [house]\n");
        var ruleFile = _folder.Write("house/DL9001.budget.yaml",
            "id: DL9001\nname: budget-word\ncategory: Tone\nseverity: warning\nkind: existence\nscope: sentence\nmessage: \"'{match}' is house style.\"\nterms: [budget]\n");
        await using var client = await Started();
        var uri = Uri("story.md");
        await client.OpenAsync(uri, "markdown", Markdown);
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("DL4001", "DL9001", "DL3001");

        File.WriteAllText(ruleFile, "id: DL9001\nname: budget-word\nkind: nonsense\n");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = new Uri(ruleFile).AbsoluteUri, ["type"] = 2 }),
        });
        var problems = await client.DiagnosticsAsync(new Uri(ruleFile).AbsoluteUri);
        problems.Should().NotBeEmpty();
        problems.OfType<JsonObject>().Select(d => (string?)d["code"]).Should().AllBe("DL0001");
        (await client.DiagnosticsAsync(uri, 1)).OfType<JsonObject>().Select(d => (string?)d["code"]).Should().Equal("DL4001", "DL9001", "DL3001");
    }

    [Fact]
    public async Task Pull_diagnostics_answer_when_advertised_in_utf8_positions_on_emoji_and_crlf_and_nothing_is_pushed()
    {
        await using var client = await Started(new JsonObject
        {
            ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-8") },
            ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject() },
        });
        var uri = Uri("story.md");
        // "😀" is 4 UTF-8 bytes and 2 UTF-16 units; "é" 2 bytes and 1 unit.
        var text = "# Budget talks\r\n\r\n😀 Café owners lambasted the plan.\r\n";
        await client.OpenAsync(uri, "markdown", text);

        var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        report!["kind"]!.GetValue<string>().Should().Be("full");
        var finding = Only((JsonArray)report["items"]!, "DL3001");
        Range(finding["range"]).Should().Be($"2:{Encoding.UTF8.GetByteCount("😀 Café owners ")}-2:{Encoding.UTF8.GetByteCount("😀 Café owners lambasted")}");
        Range(finding["range"]).Should().Be("2:18-2:27");

        var again = await client.RequestAsync("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["previousResultId"] = report["resultId"]!.GetValue<string>(),
        });
        again!["kind"]!.GetValue<string>().Should().Be("unchanged");

        // An edit in UTF-8 positions: replace "lambasted" (bytes 18-27) with "slammed".
        await client.ChangeAsync(uri, 2, new JsonObject { ["range"] = LspTestClient.Range(2, 18, 2, 27), ["text"] = "slammed" });
        var changed = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        Range(Only((JsonArray)changed!["items"]!, "DL3001")["range"]).Should().Be("2:18-2:25");

        await client.RequestAsync("shutdown");
        client.Seen.Should().NotContain(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == uri);
    }

    [Fact]
    public async Task Utf16_positions_count_surrogate_pairs_as_two()
    {
        await using var client = await Started();
        var uri = Uri("story.txt");
        await client.OpenAsync(uri, "plaintext", "Budget talks\r\n\r\n😀😀 Officials lambasted the plan.\r\n");
        Range(Only(await client.DiagnosticsAsync(uri, 1), "DL3001")["range"]).Should().Be("2:15-2:24");

        // Insert one more emoji at the start of the line, in UTF-16 positions.
        await client.ChangeAsync(uri, 2, new JsonObject { ["range"] = LspTestClient.Range(2, 0, 2, 0), ["text"] = "😀" });
        Range(Only(await client.DiagnosticsAsync(uri, 2), "DL3001")["range"]).Should().Be("2:17-2:26");
    }

    [Fact]
    public async Task Lifecycle_shutdown_then_exit_ends_with_0_and_requests_after_shutdown_are_invalid()
    {
        var client = new LspTestClient(_folder.Path);
        var early = async () => await client.RequestAsync("textDocument/hover", new JsonObject());
        (await early.Should().ThrowAsync<LspError>()).Which.Code.Should().Be(LspErrors.ServerNotInitialized);
        await client.InitializeAsync(_folder.Path);
        var twice = async () => await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        (await twice.Should().ThrowAsync<LspError>()).Which.Code.Should().Be(LspErrors.InvalidRequest);

        (await client.RequestAsync("shutdown")).Should().BeNull();
        var again = async () => await client.RequestAsync("shutdown");
        (await again.Should().ThrowAsync<LspError>()).Which.Code.Should().Be(LspErrors.InvalidRequest);
        await client.NotifyAsync("exit");
        await client.NotifyAsync("exit");
        (await client.Run.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(0);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_1_and_a_client_that_dies_ends_the_server()
    {
        var exiting = new LspTestClient(_folder.Path);
        await exiting.InitializeAsync(_folder.Path);
        await exiting.NotifyAsync("exit");
        (await exiting.Run.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(1);
        await exiting.DisposeAsync();

        var dying = new LspTestClient(_folder.Path);
        await dying.InitializeAsync(_folder.Path);
        await dying.OpenAsync(Uri("story.md"), "markdown", Markdown);
        await dying.CloseInputAsync();
        (await dying.Run.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(1);
        await dying.DisposeAsync();
    }

    [Fact]
    public async Task The_server_stops_when_the_clients_process_dies()
    {
        using var parent = System.Diagnostics.Process.Start("sleep", "1")!;
        var client = new LspTestClient(_folder.Path);
        await client.InitializeAsync(_folder.Path, processId: parent.Id);
        await parent.WaitForExitAsync();

        // The input stays open: only the parent's death can end the server.
        (await client.Run.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(1);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Bad_input_is_answered_with_errors_and_never_stops_the_server()
    {
        await using var client = await Started();
        var uri = Uri("story.md");

        await client.SendRawAsync(Encoding.UTF8.GetBytes("{not json"));
        (await client.NextAsync(m => m["error"] is not null))["error"]!["code"]!.GetValue<int>().Should().Be(LspErrors.ParseError);
        await client.SendRawAsync(Encoding.UTF8.GetBytes("[1, 2]"));
        (await client.NextAsync(m => m["error"] is not null))["error"]!["code"]!.GetValue<int>().Should().Be(LspErrors.ParseError);
        await client.SendBytesAsync(Encoding.ASCII.GetBytes("Content-Length: nonsense\r\n\r\n"));
        (await client.NextAsync(m => m["error"] is not null))["error"]!["code"]!.GetValue<int>().Should().Be(LspErrors.ParseError);

        var unknown = async () => await client.RequestAsync("textDocument/definition", new JsonObject());
        (await unknown.Should().ThrowAsync<LspError>()).Which.Code.Should().Be(LspErrors.MethodNotFound);
        var notOpen = async () => await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = LspTestClient.Position(0, 0) });
        (await notOpen.Should().ThrowAsync<LspError>()).Which.Code.Should().Be(LspErrors.InvalidParams);

        // Other header fields are ignored, in any order and case.
        var body = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"typed","method":"textDocument/definition","params":{}}""");
        await client.SendBytesAsync([.. Encoding.ASCII.GetBytes($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: {body.Length}\r\n\r\n"), .. body]);
        (await client.NextAsync(m => (string?)m["id"] == "typed"))["error"]!["code"]!.GetValue<int>().Should().Be(LspErrors.MethodNotFound);

        // Notifications with nonsense parameters are dropped.
        await client.NotifyAsync("textDocument/didOpen", new JsonObject { ["textDocument"] = 5 });
        await client.NotifyAsync("textDocument/didChange", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        await client.NotifyAsync("$/somethingNew", new JsonObject());

        await client.OpenAsync(uri, "markdown", Markdown);
        await client.ChangeAsync(uri, 2, new JsonObject { ["range"] = LspTestClient.Range(-1, 0, 0, 0), ["text"] = "x" });
        var badPosition = async () => await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = new JsonObject { ["line"] = "two" } });
        (await badPosition.Should().ThrowAsync<LspError>()).Which.Code.Should().Be(LspErrors.InvalidParams);

        // A position past the end of a line or of the text is clamped.
        await client.ChangeAsync(uri, 3, new JsonObject { ["range"] = LspTestClient.Range(0, 500, 0, 600), ["text"] = " now" });
        await client.ChangeAsync(uri, 4, new JsonObject { ["range"] = LspTestClient.Range(90, 0, 95, 0), ["text"] = "The end." });
        var diagnostics = await client.DiagnosticsAsync(uri, 4);
        Range(Only(diagnostics, "DL3001")["range"]).Should().Be("2:13-2:22");
        Range(Only(diagnostics, "DL4001")["range"]).Should().Be("0:2-0:18");
        (await client.RequestAsync("shutdown")).Should().BeNull();
    }

    [Fact]
    public async Task A_request_cancelled_before_it_is_handled_is_answered_as_cancelled()
    {
        await using var client = await Started();
        var uri = Uri("story.md");
        await client.OpenAsync(uri, "markdown", Markdown);
        await client.DiagnosticsAsync(uri, 1);

        // A cancel for a request that was never sent is dropped; one for an answered request too.
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 99 });
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = 1 });

        // A request followed at once by its cancel, in one write: the reader sees the cancel before the request is handled,
        // whenever the handler is still busy with the long request before it (a reload of every rule).
        await client.SendRawAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{}}}"""));
        var hover = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "h1", ["method"] = "textDocument/hover", ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = LspTestClient.Position(2, 16) } };
        var cancel = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = "h1" } };
        await client.SendBytesAsync([.. Frame(hover), .. Frame(cancel)]);
        var answer = await client.NextAsync(m => (string?)m["id"] == "h1");
        answer["error"]?["code"]?.GetValue<int>().Should().Be(LspErrors.RequestCancelled, "the reload keeps the handler busy while the cancel is read");

        // Later requests are answered as usual.
        (await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = LspTestClient.Position(2, 16) })).Should().NotBeNull();
        (await client.RequestAsync("shutdown")).Should().BeNull();
    }

    private static byte[] Frame(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
    }

    [Fact]
    public async Task A_quiet_period_coalesces_a_burst_of_edits_into_one_lint_of_the_latest_text()
    {
        await using var client = await Started(initializationOptions: new JsonObject { ["debounceMs"] = 1000 });
        var uri = Uri("story.md");
        await client.OpenAsync(uri, "markdown", Markdown);
        for (var version = 2; version <= 6; version++)
        {
            await client.ChangeAsync(uri, version, new JsonObject { ["range"] = LspTestClient.Range(2, 4, 2, 4), ["text"] = "x" });
        }

        var diagnostics = await client.DiagnosticsAsync(uri);
        Range(Only(diagnostics, "DL3001")["range"]).Should().Be("2:18-2:27");
        client.Seen.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics").Select(m => (int?)m["params"]!["version"]).Should().Equal(6);
    }
}
