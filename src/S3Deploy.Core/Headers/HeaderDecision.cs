namespace S3Deploy.Core.Headers;

/// <summary>What the header policy decides for one file: its headers, whether it is an entry page, and how to compress it.</summary>
public sealed record HeaderDecision(ObjectHeaders Headers, bool IsEntryDocument, Compression Compress = Compression.None);
