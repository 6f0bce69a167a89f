namespace PlacementBroker.Core.Sharing;

/// <summary>
/// Where documents' bytes are kept: the data folder, encrypted with the data-protection keys (the embedded default), or
/// an Azure Storage container (<see cref="DocumentOptions"/>). Keys are chosen by the service and never by a caller.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the bytes under the key, replacing whatever was there.</summary>
    Task SaveAsync(string key, byte[] content, CancellationToken ct = default);

    /// <summary>The bytes stored under the key, or null when there are none.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the bytes; nothing to remove is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);
}

public enum DocumentStoreKind
{
    FileSystem,
    AzureBlob,
}

/// <summary>
/// <c>PlacementBroker:Documents</c>: <c>Store</c> is <c>FileSystem</c> (under the data folder) or <c>AzureBlob</c>
/// (<c>ConnectionStrings:Documents</c> and <c>Container</c>).
/// </summary>
public class DocumentOptions
{
    public const string Section = "PlacementBroker:Documents";

    public DocumentStoreKind Store { get; set; } = DocumentStoreKind.FileSystem;

    /// <summary>The Azure Storage container documents go in; created if missing.</summary>
    public string Container { get; set; } = "referral-documents";

    /// <summary>At most this many documents on one referral (current ones; deleted ones do not count).</summary>
    public int MaxPerReferral { get; set; } = 40;
}
