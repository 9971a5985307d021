using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Security;

namespace Qorgau.Web.Features.Cases;

/// <summary>
/// The complainant and the organisation writing to each other, and withdrawal requests: every text
/// encrypted under the case key, every step an event on the case's timeline. Changes are saved by
/// the caller, with whatever else the request changes.
/// </summary>
public sealed class CaseConversation(QorgauDbContext db, CaseDeadlineTracker deadlines, TimeProvider clock)
{
    public const int MaxMessageLength = 20_000;

    public async Task<IReadOnlyList<ReadableMessage>> ReadAsync(Guid caseId, byte[] caseKey, CancellationToken cancellationToken)
    {
        var messages = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.SentAtUtc).ToListAsync(cancellationToken);
        return [.. messages.Select(m => new ReadableMessage(m.Id, m.Author, m.AuthorUserId, m.SentAtUtc,
            Crypto.DecryptText(caseKey, m.TextCipher, CaseField.MessageContext(caseId, m.Id))))];
    }

    /// <summary>Adds a message; one from the organisation answers the complainant (that deadline is met).</summary>
    public async Task<CaseMessage> WriteAsync(Case record, byte[] caseKey, MessageAuthor author, Guid? authorUserId, string text, CancellationToken cancellationToken)
    {
        var caseId = record.Id;
        var id = Guid.CreateVersion7();
        var message = new CaseMessage
        {
            Id = id,
            CaseId = caseId,
            Author = author,
            AuthorUserId = authorUserId,
            SentAtUtc = clock.GetUtcNow().UtcDateTime,
            TextCipher = Crypto.EncryptText(caseKey, text.Trim(), CaseField.MessageContext(caseId, id)),
        };
        db.CaseMessages.Add(message);
        db.CaseEvents.Add(CaseEvents.Message(caseId, message.SentAtUtc, author, authorUserId, id));
        if (author == MessageAuthor.Staff)
        {
            await deadlines.MeetAsync(record, CaseDeadlines.MetByStaffMessage, cancellationToken: cancellationToken);
        }

        return message;
    }

    /// <summary>Records the request and opens its follow-up interview deadline; it closes nothing (case management decides, after the interview).</summary>
    public Withdrawal RequestWithdrawal(Case record, byte[] caseKey, MessageAuthor requestedBy, Guid? actorId, string? reason)
    {
        var caseId = record.Id;
        var id = Guid.CreateVersion7();
        var withdrawal = new Withdrawal
        {
            Id = id,
            CaseId = caseId,
            RequestedBy = requestedBy,
            RequestedAtUtc = clock.GetUtcNow().UtcDateTime,
            ReasonCipher = string.IsNullOrWhiteSpace(reason) ? null : Crypto.EncryptText(caseKey, reason.Trim(), CaseField.WithdrawalContext(caseId, id)),
        };
        db.Withdrawals.Add(withdrawal);
        db.CaseEvents.Add(CaseEvents.WithdrawalRequested(caseId, withdrawal.RequestedAtUtc, actorId, id));
        deadlines.OpenForWithdrawal(record, withdrawal);
        return withdrawal;
    }

    /// <summary>
    /// The problem with a message's text (or, not required, a withdrawal reason) in the named field,
    /// or null when it can be sent.
    /// </summary>
    public static Problem? ProblemWith(string field, string? text, bool required = true)
    {
        var code = string.IsNullOrWhiteSpace(text) ? (required ? ComplaintProblemCode.Required : null)
            : text.Trim().Length > MaxMessageLength ? ComplaintProblemCode.TooLong
            : null;
        return code is null ? null : new Problem(field, code, MaxMessageLength.ToString(CultureInfo.InvariantCulture), (text?.Length ?? 0).ToString(CultureInfo.InvariantCulture));
    }
}

public sealed record ReadableMessage(Guid Id, MessageAuthor Author, Guid? AuthorUserId, DateTime SentAtUtc, string Text);
