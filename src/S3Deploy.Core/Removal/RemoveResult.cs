namespace S3Deploy.Core.Removal;

/// <summary>What a removal found under one prefix, and how much of it it deleted (none on a dry run).</summary>
internal sealed record RemoveResult(string Target, int Objects, long Bytes, int Deleted, bool DryRun);
