using Microsoft.Extensions.Localization;
using Qorgau.Domain.Evidence;
using Qorgau.Web.Infrastructure.Forms;

namespace Qorgau.Web.Features.Evidence;

/// <summary>Reads the evidence forms' fields, putting each problem in words under its field name.</summary>
public sealed class EvidenceFormCheck(IDictionary<string, string> problems, IStringLocalizer localizer)
{
    public const int MaxTextLength = 500;

    /// <summary>A new item as the add and register forms describe it, or null with its problems; a party and a way are required.</summary>
    public async Task<NewEvidence?> NewItemAsync(FormFields fields, Func<Guid, Task<bool>> isExaminationOfTheCase)
    {
        var kind = fields["kind"];
        if (!EvidenceKind.IsKnown(kind))
        {
            problems["kind"] = localizer["Complaint.Problem.required"];
        }

        var description = Text(fields, "description", required: false);
        var from = Text(fields, "from", required: true);
        var how = Text(fields, "how", required: true);
        Guid? examination = null;
        if (!string.IsNullOrWhiteSpace(fields["examination"]))
        {
            if (Guid.TryParse(fields["examination"], out var id) && await isExaminationOfTheCase(id))
            {
                examination = id;
            }
            else
            {
                problems["examination"] = localizer["Evidence.Problem.Examination"];
            }
        }

        return problems.Count == 0 ? new NewEvidence(kind!, description, from, how, examination) : null;
    }

    public string? Text(FormFields fields, string name, bool required)
    {
        var value = fields[name]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                problems[name] = localizer["Complaint.Problem.required"];
            }

            return null;
        }

        if (value.Length > MaxTextLength)
        {
            problems[name] = localizer["Complaint.Problem.too-long", MaxTextLength, value.Length];
        }

        return value;
    }
}
