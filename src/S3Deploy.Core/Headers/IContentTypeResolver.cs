namespace S3Deploy.Core.Headers;

public interface IContentTypeResolver
{
    string ContentTypeFor(string relativeKey);
}
