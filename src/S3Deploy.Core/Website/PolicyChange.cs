namespace S3Deploy.Core.Website;

/// <summary>The bucket policy part of a plan: our statements (by Sid) and how many statements of others are kept as they are.</summary>
public sealed record PolicyChange(PolicyChangeKind Change, IReadOnlyList<string> StatementIds, int OtherStatements)
{
    /// <summary>The whole policy document to write; null when nothing changes.</summary>
    internal string? Document { get; init; }

    public bool Changes => Change != PolicyChangeKind.None;
}
