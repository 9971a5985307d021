namespace Qorgau.Domain.Profiles;

/// <summary>
/// An independent body the public pages point a complainant to (the NPM, the ombudsman, the NGO
/// coalition): never the line of the agency that may be accused. Each way to reach it is shown only
/// as far as the profile gives it, and marked when nobody has checked it (<see cref="ReachVerified"/>).
/// </summary>
/// <param name="Phone">As published by the body; empty when the profile's sources do not give it.</param>
/// <param name="ReachVerified">Whether the phone, e-mail, website and address were checked against the body's own publication.</param>
public sealed record PublicContact(
    string Code,
    LocalizedName Name,
    LocalizedName About,
    string? Phone,
    string? Email,
    string? Website,
    string? Address,
    bool ReachVerified,
    string Source) : IProfileItem
{
    public bool HasReach => Phone is not null || Email is not null || Website is not null || Address is not null;
}

/// <summary>
/// Who a video preservation request goes to for the facilities of some agencies: the prosecutor who
/// supervises them, never the head of the facility, whose staff may be the accused.
/// </summary>
/// <param name="Agencies">The agency codes whose facilities this prosecutor supervises; an agency without its own row takes its nearest ancestor's.</param>
/// <param name="OfTheRegion">The office is the one of the facility's region, so the letter names the region after it.</param>
public sealed record PreservationAddressee(string Code, LocalizedName Name, IReadOnlyList<string> Agencies, bool OfTheRegion, string Source) : IProfileItem;
