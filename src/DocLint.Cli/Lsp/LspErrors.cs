namespace DocLint.Cli.Lsp;

/// <summary>JSON-RPC and LSP error codes.</summary>
internal static class LspErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;
}

/// <summary>A request that fails with a protocol error (answered, never fatal).</summary>
internal sealed class LspException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
