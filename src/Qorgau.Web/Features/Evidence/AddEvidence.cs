using Microsoft.Extensions.Localization;
using Qorgau.Domain.Evidence;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Evidence;

/// <summary>
/// An upload becomes an evidence item (<see cref="EvidenceLocker.AddAsync"/>): the form is read as a stream,
/// its fields checked when the file arrives, and the file hashed and encrypted as it streams into the store,
/// with its signed <c>received</c> custody entry. A member who cannot sign records nothing.
/// </summary>
public static class AddEvidence
{
    public sealed class Handler(EvidenceLocker locker, EvidenceShelf shelf, SessionSigner signers, IStringLocalizer<SharedResource> localizer)
    {
        /// <summary>The step, and the form's fields as posted (the file aside) so that nothing typed is lost.</summary>
        public async Task<(EvidenceStep Step, FormFields Posted)> HandleAsync(OpenedCase opened, HttpRequest request, CancellationToken cancellationToken)
        {
            var signer = await signers.OfAsync(opened.Case, opened.Member, cancellationToken);
            var problems = new Dictionary<string, string>(StringComparer.Ordinal);
            var check = new EvidenceFormCheck(problems, localizer);
            EvidenceItem? added = null;
            var fileSent = false;
            var posted = await StreamingForm.ReadAsync(
                request,
                async (fields, file) =>
                {
                    if (file.IsEmpty || fileSent)
                    {
                        return;
                    }

                    fileSent = true;
                    if (signer is null || await check.NewItemAsync(fields, id => shelf.HasExaminationAsync(opened.Case, id, cancellationToken)) is not { } input)
                    {
                        return;
                    }

                    try
                    {
                        added = await locker.AddAsync(opened.Case, opened.Key, input, file.FileName, file.ContentType, file.Content, signer, cancellationToken);
                    }
                    catch (EvidenceTooLargeException)
                    {
                        problems["file"] = localizer["Evidence.Problem.TooLarge"];
                    }
                    catch (EvidenceTypeMismatchException)
                    {
                        problems["file"] = localizer["Evidence.Problem.TypeMismatch"];
                    }
                },
                cancellationToken);
            if (added is not null)
            {
                return (EvidenceStep.Recorded(added.Id), posted);
            }

            if (signer is null)
            {
                return (EvidenceStep.CannotSign, posted);
            }

            await check.NewItemAsync(posted, id => shelf.HasExaminationAsync(opened.Case, id, cancellationToken));
            if (!fileSent)
            {
                problems["file"] = localizer["Evidence.Problem.NoFile"];
            }

            return (EvidenceStep.Invalid(problems), posted);
        }
    }
}
