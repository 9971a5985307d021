using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Security;

public sealed class KeyAttestationTests
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly Guid User = Guid.NewGuid();

    [Fact]
    public void A_member_key_signed_at_admission_verifies_and_a_swapped_key_does_not()
    {
        var (signingPrivate, signingPublic) = Signatures.NewKeyPair();
        var key = Crypto.NewAgreementKeyPair().PublicKey;
        var roles = KeyAttestation.RolesText(["supervisor", "intake-operator"]);
        var signature = Signatures.Sign(signingPrivate, KeyAttestation.MemberStatement(Organisation, User, key, roles, "police"));

        KeyAttestation.VerifyMember(signingPublic, Organisation, User, key, roles, "police", signature).ShouldBeTrue();
        KeyAttestation.VerifyMember(signingPublic, Organisation, User, Crypto.NewAgreementKeyPair().PublicKey, roles, "police", signature).ShouldBeFalse();
        KeyAttestation.VerifyMember(signingPublic, Organisation, Guid.NewGuid(), key, roles, "police", signature).ShouldBeFalse();
        KeyAttestation.VerifyMember(signingPublic, Organisation, User, key, roles + ",administrator", "police", signature).ShouldBeFalse();
        KeyAttestation.VerifyMember(Signatures.NewKeyPair().PublicKey, Organisation, User, key, roles, "police", signature).ShouldBeFalse();
        KeyAttestation.VerifyMember(signingPublic, Organisation, User, key, roles, "police", signature: null).ShouldBeFalse();
        KeyAttestation.VerifyMember(signingPublic, Organisation, User, key, roles, affiliation: null, signature).ShouldBeFalse("an affiliation cleared in the database lifts the guard: the admission no longer holds");
    }

    [Fact]
    public void An_organisations_keys_verify_under_the_installation_key_only_as_signed()
    {
        var (installationPrivate, installationPublic) = Signatures.NewKeyPair();
        var agreement = Crypto.NewAgreementKeyPair().PublicKey;
        var signing = Signatures.NewKeyPair().PublicKey;
        var signature = Signatures.Sign(installationPrivate, KeyAttestation.OrganisationStatement(Organisation, agreement, signing));

        KeyAttestation.VerifyOrganisation(installationPublic, Organisation, agreement, signing, signature).ShouldBeTrue();
        KeyAttestation.VerifyOrganisation(installationPublic, Organisation, Crypto.NewAgreementKeyPair().PublicKey, signing, signature).ShouldBeFalse();
        KeyAttestation.VerifyOrganisation(installationPublic, Organisation, agreement, Signatures.NewKeyPair().PublicKey, signature).ShouldBeFalse();
        KeyAttestation.VerifyOrganisation(installationPublic, Guid.NewGuid(), agreement, signing, signature).ShouldBeFalse();
    }

    [Fact]
    public void An_admission_covers_the_roles_it_was_given_in_and_no_role_added_later()
    {
        var roles = KeyAttestation.RolesText(["monitor", "analyst", "monitor"]);

        roles.ShouldBe("analyst,monitor");
        KeyAttestation.Covers(roles, ["monitor"]).ShouldBeTrue();
        KeyAttestation.Covers(roles, ["analyst", "monitor"]).ShouldBeTrue();
        KeyAttestation.Covers(roles, ["monitor", "supervisor"]).ShouldBeFalse();
    }
}
