import Foundation
import Testing
import ToolOpsConfiguration

@Suite("Passwords")
struct MaskingTests {
    static let secret = "s3cr3t-pa55"

    @Test("a password in a valid Postgres URL never shows in description, dump or the masked rendering")
    func validURL() throws {
        let scratch = try Scratch()
        let configuration = try scratch.load(
            "stores:\n  shared: {type: postgres, url: \"postgresql://app:\(Self.secret)@db:5432/app\"}\n"
                + "  kv: {type: postgres, url: \"host=db dbname=app password=\(Self.secret)\"}\n")
        var dumped = ""
        dump(configuration, to: &dumped)
        let renderings = [
            configuration.description, String(reflecting: configuration), dumped, configuration.renderedYAML(),
            "\(configuration.stores[0])", "\(configuration.stores[0].kind)", String(reflecting: configuration.stores),
        ]
        for text in renderings {
            #expect(!text.contains(Self.secret), "\(text)")
        }
        #expect(configuration.stores[0].maskedURL == "postgresql://app:***@db:5432/app")
        #expect(configuration.renderedYAML().contains("url: postgresql://app:***@db:5432/app"))
        // Unmasked, for writing the file back, the password is there.
        #expect(configuration.renderedYAML(masked: false).contains(Self.secret))
    }

    @Test("a password in an invalid URL never shows in the error, even where libpq quotes the URL")
    func invalidURL() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(
            "stores:\n  a: {type: postgres, url: \"postgresql://app:\(Self.secret)@[db/app\"}\n"
                + "  b: {type: postgres, url: \"host=db password=\(Self.secret) bogus=1\"}\n"
                + "  c: {type: postgres, url: \"postgresql://app:\(Self.secret)@db:notaport/app\"}\n"
                + "  d: {type: postgres, url: \"postgresql://app:\(Self.secret)@db/app?sslmode=sometimes\"}\n")
        #expect(
            problems == [
                "toolops.yaml:2: stores.a.url: invalid connection string: end of string reached when looking for "
                    + "matching \"]\" in IPv6 host address in URI: \"postgresql://app:***@[db/app\"; expected a "
                    + "postgresql:// URI or key=value pairs "
                    + "(https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING)",
                "toolops.yaml:3: stores.b.url: invalid connection string: invalid connection option \"bogus\"; expected "
                    + "a postgresql:// URI or key=value pairs "
                    + "(https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING)",
                "toolops.yaml:4: stores.c.url: invalid connection string: port 'notaport' is not a number from 1 to 65535",
                "toolops.yaml:5: stores.d.url: invalid connection string: sslmode 'sometimes' is not one of disable, "
                    + "allow, prefer, require, verify-ca, verify-full",
            ])
    }

    @Test("a password in TOOLOPS_POSTGRES_URL never shows in the error about it")
    func invalidVariable() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(
            "stores: {m: {type: memory}}\n",
            environment: ["TOOLOPS_POSTGRES_URL": "postgresql://app:\(Self.secret)@db:99999999/app?sslmode=maybe"])
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("TOOLOPS_POSTGRES_URL: invalid connection string: ") == true, "\(problems)")
        #expect(!(problems.first?.contains(Self.secret) ?? true))
    }

    @Test("a malformed ${ in a URL is reported without quoting the URL")
    func malformedReferenceInURL() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(
            "stores:\n  shared:\n    type: postgres\n    url: postgresql://app:\(Self.secret)${@db/app\n")
        #expect(
            problems == [
                "toolops.yaml:4: stores.shared.url: a '${' reference is not a variable reference; write ${NAME} or "
                    + "${NAME:-fallback} ($${ for a literal ${)"
            ])
    }
}
