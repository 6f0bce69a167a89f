using Microsoft.AspNetCore.DataProtection;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Web.Documents;

/// <summary>
/// Documents in the data folder (<c>documents/</c>), each file encrypted and authenticated with the data-protection key
/// ring that protects the service's cookies: a copy of the folder alone reveals nothing, and a file changed on disk is
/// refused rather than served. Written to a temporary file and moved into place, so a file is whole or absent.
/// One node only: a deployment with several nodes uses <see cref="AzureBlobDocumentStore"/>.
/// </summary>
public class FileSystemDocumentStore(string root, IDataProtectionProvider protection, ILogger<FileSystemDocumentStore> log) : IDocumentStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("PlacementBroker.Documents.v1");

    public async Task SaveAsync(string key, byte[] content, CancellationToken ct = default)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, _protector.Protect(content), ct);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }
        var stored = await File.ReadAllBytesAsync(path, ct);
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            // Changed on disk, or encrypted with a key ring this node does not have: never served.
            log.LogError(e, "The document stored as {Key} could not be decrypted", key);
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathFor(key));
        return Task.CompletedTask;
    }

    /// <summary>The file for a key, always inside the root: keys are the service's own, and anything else is refused.</summary>
    private string PathFor(string key)
    {
        var full = Path.GetFullPath(Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar) + ".bin"));
        var rootFull = Path.GetFullPath(root) + Path.DirectorySeparatorChar;
        return full.StartsWith(rootFull, StringComparison.Ordinal) ? full : throw new ArgumentException($"'{key}' is not a document key", nameof(key));
    }
}
