namespace S3Deploy.Core.Diagnostics;

/// <summary>An expected failure: a stable code, a one-line message that says what to do, and how the adapter should exit.</summary>
internal sealed class DeployException(string code, FailureKind kind, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;

    public FailureKind Kind { get; } = kind;

    /// <summary>The option or input that gave the bad value, as its adapter spells it (e.g. "--max-deletes"), so a wrapper can rename it.</summary>
    public string? Option { get; init; }

    public static DeployException Usage(string code, string message) => new(code, FailureKind.Usage, message);

    public static DeployException Refused(string code, string message) => new(code, FailureKind.Refused, message);

    public override string ToString() => $"{Code}: {Message}";
}
