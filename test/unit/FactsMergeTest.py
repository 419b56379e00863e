#!/usr/bin/env python3
"""Unit tests for the project-facts merge (tools/logstream-ci/logstream_ci/facts.py):
closure over wrapper chains with parameter mapping, recursion and cycles,
same-named statics, and determinism."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "tools", "logstream-ci"))
from logstream_ci import facts as lf  # noqa: E402

ROOT = "/proj"


def fn(name, file="src/files.c", line=1, params=("path",), **facts):
    entry = {"name": name, "file": ROOT + "/" + file, "line": line, "digest": "d",
             "params": list(params)}
    entry.update(facts)
    return entry


def call(callee, line, args, **more):
    edge = {"callee": callee, "name": callee.split("/")[0].split("!")[-1], "line": line,
            "args": args}
    edge.update(more)
    return edge


def unit(tu, functions, **more):
    doc = {"format": lf.UNIT_FORMAT, "version": lf.VERSION, "tu": ROOT + "/" + tu,
           "functions": functions}
    doc.update(more)
    return doc


FOPEN = {"path": [0], "api": "fopen", "line": 7, "mode_param": 1, "returns": True}


class ChainTest(unittest.TestCase):
    def test_four_levels_with_parameter_mapping(self):
        units = [
            unit("src/files.c", {"app_fopen/2": fn("app_fopen", params=("path", "mode"),
                                                   opens=[FOPEN])}),
            unit("src/log.c", {
                # open_in(dir): app_fopen(dir + "/server.log", "a")
                "open_in/1": fn("open_in", "src/log.c", 3, ("dir",), calls=[
                    call("app_fopen/2", 4, [[0, "/server.log"], ["a"]])]),
                # log_setup(level, dir): open_in(dir) -- the second parameter
                "log_setup/2": fn("log_setup", "src/log.c", 8, ("level", "dir"), calls=[
                    call("open_in/1", 9, [None, [1]][1:])]),
                # start(cfg_dir): log_setup(3, cfg_dir)
                "start/1": fn("start", "src/main.c", 2, ("cfg_dir",), calls=[
                    call("log_setup/2", 5, [None, [0]], ints={"0": 3})]),
            }),
        ]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertEqual(merged["open_in/1"]["opens"][0]["path"], [0, "/server.log"])
        self.assertEqual(merged["log_setup/2"]["opens"][0]["path"], [1, "/server.log"])
        start = merged["start/1"]["opens"][0]
        self.assertEqual(start["path"], [0, "/server.log"])
        self.assertEqual([s["at"] for s in start["chain"]],
                         ["src/main.c:5", "src/log.c:9", "src/log.c:4", "src/files.c:7"])
        self.assertEqual(start["chain"][-1]["text"],
                         "'app_fopen' opens its first argument for writing with 'fopen'")
        self.assertIn("passes a path built from its first argument ('<cfg_dir>/server.log')",
                      start["chain"][0]["text"])
        # The mode was a literal "a": the wrappers have no mode parameter.
        self.assertNotIn("mode_param", start)

    def test_reading_caller_is_no_opener(self):
        units = [unit("src/files.c", {
            "app_fopen/2": fn("app_fopen", params=("path", "mode"), opens=[FOPEN]),
            "read_config/1": fn("read_config", calls=[call("app_fopen/2", 9, [[0], ["r"]])]),
            "open_with/2": fn("open_with", params=("p", "m"),
                              calls=[call("app_fopen/2", 12, [[0], [1]])]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertNotIn("read_config/1", merged)
        self.assertEqual(merged["open_with/2"]["opens"][0]["mode_param"], 1)

    def test_open_flags_from_the_caller(self):
        # fd_open(path, flags): open(path, flags | O_CLOEXEC) -- the flags decide.
        fd_open = {"path": [0], "api": "open", "line": 5, "flags_param": 1, "returns": True}
        units = [unit("src/fdio.c", {
            "fd_open/2": fn("fd_open", "src/fdio.c", params=("path", "flags"), opens=[fd_open]),
            # load_file(fn): fd_open(fn, O_RDONLY)
            "load_file/1": fn("load_file", "src/fdio.c", calls=[
                call("fd_open/2", 9, [[0], None], ints={"1": 0})]),
            # errorlog_open(fn): fd_open(fn, O_WRONLY | O_APPEND | O_CREAT)
            "errorlog_open/1": fn("errorlog_open", "src/fdio.c", calls=[
                call("fd_open/2", 12, [[0], None], ints={"1": 0o2101})]),
            # open_as(fn, how): fd_open(fn, how) -- still the caller's to say
            "open_as/2": fn("open_as", "src/fdio.c", params=("fn", "how"), calls=[
                call("fd_open/2", 15, [[0], [1]])]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertNotIn("load_file/1", merged)
        self.assertNotIn("flags_param", merged["errorlog_open/1"]["opens"][0])
        self.assertEqual(merged["open_as/2"]["opens"][0]["flags_param"], 1)

    def test_open_skipped_when_the_caller_chooses_syslog(self):
        # log_setup(file, use_syslog): `if (use_syslog) { openlog(...); return; }`
        setup = {"path": [0], "api": "fopen", "line": 20, "unless_param": 1}
        units = [unit("src/logsetup.c", {
            "log_setup/2": fn("log_setup", "src/logsetup.c", params=("filename", "use_syslog"),
                              opens=[setup]),
            # syslog_only(f): log_setup(f, 1)
            "syslog_only/1": fn("syslog_only", "src/logsetup.c", calls=[
                call("log_setup/2", 30, [[0], None], ints={"1": 1})]),
            # file_only(f): log_setup(f, 0)
            "file_only/1": fn("file_only", "src/logsetup.c", calls=[
                call("log_setup/2", 33, [[0], None], ints={"1": 0})]),
            # setup_as(f, how): log_setup(f, how)
            "setup_as/2": fn("setup_as", "src/logsetup.c", params=("f", "how"), calls=[
                call("log_setup/2", 36, [[0], [1]])]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertNotIn("syslog_only/1", merged)
        self.assertNotIn("unless_param", merged["file_only/1"]["opens"][0])
        self.assertEqual(merged["setup_as/2"]["opens"][0]["unless_param"], 1)

    def test_security_operations_through_wrappers(self):
        op = {"event": "authn_login", "true_is_success": False, "what": "'strcmp' of a credential",
              "line": 16}
        units = [unit("src/auth.c", {
            "raw_compare/2": fn("raw_compare", "src/auth.c", security_op=op),
            # return !raw_compare(...): true on success
            "password_matches/2": fn("password_matches", "src/auth.c", calls=[
                call("raw_compare/2", 20, [[0], [1]], returned={"kind": "not"})]),
            "basicauth_check/2": fn("basicauth_check", "src/auth.c", calls=[
                call("password_matches/2", 24, [[0], [1]], returned={"kind": "direct"})]),
            # returns basicauth_check(...) == 0: true on failure
            "denied/2": fn("denied", "src/auth.c", calls=[
                call("basicauth_check/2", 28, [[0], [1]], returned={"kind": "eq", "value": 0})]),
            # records its own outcome: not an operation for its callers
            "audited/2": fn("audited", "src/auth.c",
                            security_record={"what": "syslog", "line": 31}, calls=[
                                call("password_matches/2", 32, [[0], [1]],
                                     returned={"kind": "direct"})]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertTrue(merged["password_matches/2"]["security_op"]["true_is_success"])
        self.assertTrue(merged["basicauth_check/2"]["security_op"]["true_is_success"])
        self.assertEqual(len(merged["basicauth_check/2"]["security_op"]["chain"]), 3)
        self.assertFalse(merged["denied/2"]["security_op"]["true_is_success"])
        self.assertNotIn("security_op", merged["audited/2"])

    def test_logging_functions_forward_their_message(self):
        units = [unit("src/log.c", {
            "log_vmsg/3": fn("log_vmsg", "src/log.c", params=("prio", "fmt", "ap"), logging={
                "dest": "syslog", "facility_param": 0, "message_param": 1, "api": "vsyslog",
                "line": 5}),
            "log_warn/1": fn("log_warn", "src/log.c", params=("fmt",), calls=[
                call("log_vmsg/3", 9, [None, [0], None], ints={"0": 4 | (10 << 3)})]),
            # passes a parameter, but not as the message: not a logging function
            "handle_login/1": fn("handle_login", "src/main.c", params=("user",), calls=[
                call("log_vmsg/3", 3, [None, ["login failed %s"], [0]], ints={"0": 4})]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertEqual(merged["log_warn/1"]["logging"]["facility"], 10 << 3)
        self.assertNotIn("handle_login/1", merged)


class TerminationTest(unittest.TestCase):
    def test_recursion_that_grows_the_path_terminates(self):
        units = [unit("src/rotate.c", {
            "shift/2": fn("shift", "src/rotate.c", params=("path", "n"),
                          manages=[{"path": [0, ".", None], "api": "rename", "op": "rotate",
                                    "line": 4}],
                          calls=[call("shift/2", 6, [[0, ".old"], None])]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        effects = merged["shift/2"]["manages"]
        self.assertLessEqual(len(effects), lf.MAX_EFFECTS)
        self.assertEqual(effects[0]["path"], [0, ".", None])

    def test_mutual_recursion_terminates(self):
        units = [unit("src/a.c", {
            "ping/1": fn("ping", "src/a.c", calls=[call("pong/1", 2, [[0]])]),
            "pong/1": fn("pong", "src/a.c", calls=[call("ping/1", 5, [[0]]),
                                                     call("app_fopen/2", 6, [[0], ["w"]])]),
            "app_fopen/2": fn("app_fopen", params=("path", "mode"), opens=[FOPEN]),
        })]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertEqual(merged["ping/1"]["opens"][0]["path"], [0])
        self.assertEqual(len(merged["pong/1"]["opens"]), 1)


class StaticsTest(unittest.TestCase):
    def test_same_named_statics_stay_apart(self):
        writer = ROOT + "/src/log.c!open_target/1"
        reader = ROOT + "/src/report.c!open_target/1"
        units = [
            unit("src/log.c", {
                writer: fn("open_target", "src/log.c", opens=[dict(FOPEN, mode_param=None)]),
                "log_open/1": fn("log_open", "src/log.c", calls=[call(writer, 9, [[0]])]),
            }),
            unit("src/report.c", {
                "count_lines/1": fn("count_lines", "src/report.c", calls=[call(reader, 4, [[0]])]),
            }),
        ]
        merged = lf.merge(units, ROOT)["functions"]
        self.assertIn(writer, merged)
        self.assertNotIn(reader, merged)
        self.assertIn("log_open/1", merged)
        self.assertNotIn("count_lines/1", merged)


class DeterminismTest(unittest.TestCase):
    def units(self):
        return [
            unit("src/a.c", {"app_fopen/2": fn("app_fopen", params=("path", "mode"), opens=[FOPEN]),
                             "inline_helper/1": fn("inline_helper", "src/util.h", calls=[
                                 call("app_fopen/2", 3, [[0], ["a"]])])},
                 openlog=[80]),
            unit("src/b.c", {"inline_helper/1": fn("inline_helper", "src/util.h", calls=[
                                 call("app_fopen/2", 3, [[0], ["a"]])]),
                             "main/0": fn("main", "src/b.c", params=(), calls=[])},
                 openlog=[80]),
        ]

    def test_order_of_units_does_not_matter(self):
        a = lf.dumps(lf.merge(self.units(), ROOT))
        b = lf.dumps(lf.merge(list(reversed(self.units())), ROOT))
        self.assertEqual(a, b)
        self.assertEqual(lf.merge(self.units(), ROOT)["openlog_facility"], 80)

    def test_conflicting_openlog_facilities_give_none(self):
        units = self.units()
        units[1]["openlog"] = [8]
        self.assertNotIn("openlog_facility", lf.merge(units, ROOT))


class RecheckTest(unittest.TestCase):
    def test_logging_facts_matter_only_where_security_is_decided(self):
        merged = lf.merge([unit("src/log.c", {"log_msg/1": fn("log_msg", "src/log.c", params=("m",),
                                                                logging={"dest": "stdout",
                                                                         "message_param": 0,
                                                                         "api": "puts", "line": 2})})],
                          ROOT)
        plain = {"called": ["log_msg/1"], "security_sites": False}
        deciding = {"called": ["log_msg/1"], "security_sites": True}
        self.assertEqual(lf.relevant_digest(plain, merged), "")
        self.assertNotEqual(lf.relevant_digest(deciding, merged), "")

    def test_bad_unit_files_are_refused(self):
        with self.assertRaises(lf.FactsError):
            lf.check_unit({"format": "something-else"}, "x.json")
        with self.assertRaises(lf.FactsError):
            lf.check_unit({"format": lf.UNIT_FORMAT, "version": 99}, "x.json")


if __name__ == "__main__":
    unittest.main()
