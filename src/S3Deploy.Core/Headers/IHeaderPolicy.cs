using S3Deploy.Core.Scanning;

namespace S3Deploy.Core.Headers;

/// <summary>Decides what headers a file gets and whether it is an entry document (deployed after the assets it links to).</summary>
public interface IHeaderPolicy
{
    ObjectHeaders HeadersFor(LocalFile file);

    bool IsEntryDocument(LocalFile file);
}
