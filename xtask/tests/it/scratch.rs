//! `xtask::scratch`, the kept folders tests build in: `mirror` writes only what changed.

use xtask::scratch::{mirror, write_if_changed};

#[test]
fn mirror_writes_what_changed_removes_what_is_gone_and_leaves_what_it_is_told_to_keep() {
    let (from, to) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (from, to) = (from.path(), to.path());
    write_if_changed(&from.join("a/same.txt"), "same").unwrap();
    write_if_changed(&from.join("changed.txt"), "new").unwrap();
    write_if_changed(&to.join("a/same.txt"), "same").unwrap();
    write_if_changed(&to.join("changed.txt"), "old").unwrap();
    write_if_changed(&to.join("a/gone.txt"), "x").unwrap();
    write_if_changed(&to.join("gone/deep.txt"), "x").unwrap();
    write_if_changed(&to.join("target/build.txt"), "x").unwrap();
    write_if_changed(&from.join("own.txt"), "from").unwrap();
    write_if_changed(&to.join("own.txt"), "the caller's").unwrap();
    let same = to.join("a/same.txt");
    let before = std::fs::metadata(&same).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));

    mirror(from, to, &["target", "own.txt"]).unwrap();

    assert_eq!(
        std::fs::read_to_string(to.join("changed.txt")).unwrap(),
        "new"
    );
    assert!(!to.join("a/gone.txt").exists() && !to.join("gone").exists());
    assert!(to.join("target/build.txt").exists());
    assert_eq!(
        std::fs::read_to_string(to.join("own.txt")).unwrap(),
        "the caller's",
        "a kept entry is not written either"
    );
    let after = std::fs::metadata(&same).unwrap().modified().unwrap();
    assert_eq!(before, after, "an unchanged file is not written again");
}
