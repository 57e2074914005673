using System.Text.Json;
using System.Text.Json.Nodes;
using DocLint.Core.Reporting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DocLint.Cli.Mcp;

/// <summary>
/// <c>doclint mcp</c>: the tools of <see cref="DocLintTools"/> served with the Model Context Protocol SDK. The
/// tools are declared with hand-written JSON schemas and answered by one handler, so nothing depends on
/// reflection over method signatures (the binary is trimmed and compiled ahead of time).
/// </summary>
internal static class McpHost
{
    private static readonly (string Name, string Description, string Schema)[] Declared =
    [
        ("lint_text", "Lint text with DocLint's editorial rules. The file name's extension picks the reader (.md Markdown, .html HTML, else plain text) and its folder the configuration. Returns findings in DocLint's JSON format.",
            """{"type":"object","properties":{"text":{"type":"string","description":"The text to lint."},"fileName":{"type":"string","description":"A file name such as story.md; default story.md."}},"required":["text"]}"""),
        ("lint_files", "Lint files, folders (recursively) and globs, relative to the server's folder, as 'doclint check' does. Returns findings in DocLint's JSON format.",
            """{"type":"object","properties":{"paths":{"type":"array","items":{"type":"string"},"description":"Files, folders or globs."}},"required":["paths"]}"""),
        ("fix_text", "Apply DocLint's safe fixes to text. Returns the new text, a unified diff and the fixes applied.",
            """{"type":"object","properties":{"text":{"type":"string","description":"The text to fix."},"fileName":{"type":"string","description":"A file name such as story.md; default story.md."}},"required":["text"]}"""),
        ("explain_rule", "Explain a rule: why it exists, how to fix and suppress what it finds, examples and configuration (what 'doclint rules explain' prints).",
            """{"type":"object","properties":{"id":{"type":"string","description":"A rule id such as DL3001."}},"required":["id"]}"""),
        ("list_rules", "List the loaded rules: id, name, title, category, default severity, kind and documentation link.",
            """{"type":"object","properties":{}}"""),
    ];

    public static McpServerOptions Options(DocLintTools tools) => new()
    {
        ServerInfo = new Implementation { Name = "doclint", Version = ToolInfo.Version },
        Handlers = new McpServerHandlers
        {
            ListToolsHandler = (_, _) => ValueTask.FromResult(new ListToolsResult
            {
                Tools = [.. Declared.Select(t => new Tool { Name = t.Name, Description = t.Description, InputSchema = JsonDocument.Parse(t.Schema).RootElement.Clone() })],
            }),
            CallToolHandler = (request, cancellationToken) => ValueTask.FromResult(Call(tools, request.Params?.Name, request.Params?.Arguments)),
        },
    };

    public static async Task<int> RunAsync(Stream input, Stream output, DocLintTools tools, CancellationToken cancellationToken)
    {
        await using var transport = new StreamServerTransport(input, output, "doclint");
        await using var server = McpServer.Create(transport, Options(tools));
        await server.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static CallToolResult Call(DocLintTools tools, string? name, IDictionary<string, JsonElement>? arguments)
    {
        string? Text(string key) => arguments is not null && arguments.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        ToolResult result;
        try
        {
            result = name switch
            {
                "lint_text" => Text("text") is { } text ? tools.LintText(text, Text("fileName") ?? "story.md") : Missing("text"),
                "fix_text" => Text("text") is { } text ? tools.FixText(text, Text("fileName") ?? "story.md") : Missing("text"),
                "lint_files" => arguments is not null && arguments.TryGetValue("paths", out var paths) && paths.ValueKind == JsonValueKind.Array
                    ? tools.LintFiles([.. paths.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!)])
                    : Missing("paths"),
                "explain_rule" => Text("id") is { } id ? tools.ExplainRule(id) : Missing("id"),
                "list_rules" => tools.ListRules(),
                _ => new ToolResult(null, $"unknown tool '{name}'"),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            result = new ToolResult(null, ex.Message);
        }

        if (result.Error is { } error)
        {
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = error }] };
        }

        var json = result.Json!.ToJsonString();
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = result.Text ?? json }],
            StructuredContent = JsonDocument.Parse(json).RootElement.Clone(),
        };
    }

    private static ToolResult Missing(string argument) => new(null, $"the argument '{argument}' is required");
}
