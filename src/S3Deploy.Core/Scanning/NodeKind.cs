namespace S3Deploy.Core.Scanning;

/// <summary>What a real path is. Only a regular file is ever opened: a pipe waits for a writer, a device never ends.</summary>
internal enum NodeKind
{
    Missing,
    RegularFile,
    Folder,
    Pipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}
