namespace Qorgau.Data;

/// <summary>
/// A complainant signed in with a receipt. The case key is held only encrypted under a random secret
/// that lives in the complainant's token, so this row alone opens nothing.
/// </summary>
public sealed class ReceiptSession
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid CaseId { get; init; }

    public required byte[] WrappedCaseKey { get; init; }

    public DateTime CreatedAtUtc { get; init; }

    public DateTime ExpiresAtUtc { get; init; }
}
