namespace S3Deploy.Core.Planning;

/// <summary>Order of application: pages go live only after everything they link to, and nothing is deleted before both.</summary>
public enum Phase
{
    Assets,
    EntryDocuments,
    Deletes,
}
