using System.Text;

namespace S3Deploy.TestSupport;

/// <summary>A throwaway source folder written by a test.</summary>
public sealed class TempSite : IDisposable
{
    public TempSite()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "s3deploy-site-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static TempSite With(params (string Key, string Text)[] files)
    {
        var site = new TempSite();
        foreach (var (key, text) in files)
        {
            site.Write(key, text);
        }

        return site;
    }

    public static TempSite CopyOf(string folder)
    {
        var site = new TempSite();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(site.Path, System.IO.Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return site;
    }

    public string FullPath(string key) => System.IO.Path.Combine(Path, key.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Write(string key, string text) => Write(key, Encoding.UTF8.GetBytes(text));

    public void Write(string key, byte[] bytes)
    {
        var path = FullPath(key);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Delete(string key) => File.Delete(FullPath(key));

    public IReadOnlyList<string> Keys() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace(System.IO.Path.DirectorySeparatorChar, '/').Normalize(NormalizationForm.FormC))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
