using Microsoft.EntityFrameworkCore;
using Qorgau.Data;
using Qorgau.Domain.Audit;
using Qorgau.Web.Infrastructure.Audit;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Cases;

/// <summary>A member downloads one of the complainant's files: the reading is audited, then the file is decrypted as it streams.</summary>
public static class ReadAttachment
{
    public sealed record Command : UseCaseInput
    {
        public Guid Id { get; set; }
    }

    /// <summary>The file's name and type, and how to write its plaintext to the response.</summary>
    public sealed record Download(string Name, string ContentType, Func<Stream, CancellationToken, Task> CopyToAsync);

    public sealed class Handler(QorgauDbContext db, CaseFiles files, AuditLog audit)
    {
        /// <summary>The download, or null when the case has no such file.</summary>
        public async Task<Download?> HandleAsync(OpenedCase opened, Command input, CancellationToken cancellationToken)
        {
            var attachment = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.Id && a.CaseId == opened.Case.Id, cancellationToken);
            if (attachment is null)
            {
                return null;
            }

            await audit.WriteAsync(new AuditEvent("case.attachment-read", opened.Member.Id, opened.Case.OrganisationId, "attachment", attachment.Id.ToString()), cancellationToken);
            return new Download(
                CaseFiles.FileNameOf(attachment, opened.Key),
                attachment.ContentType,
                (output, token) => files.CopyPlaintextAsync(attachment, opened.Key, output, token));
        }
    }
}
