//! The four dependency types, each with a positive, zero and negative lag.

use super::{at, cancelled, dependency, finished, pending, started};
use crate::workflow::DependencyType::{FinishToFinish, FinishToStart, StartToFinish, StartToStart};
use crate::workflow::{Gate, TaskStatus, Wait};

#[test]
fn finish_to_start_waits_for_the_finish_and_then_the_lag() {
    let fs = dependency(FinishToStart, 60);
    assert_eq!(fs.allows_start(&pending(), at(0)), Err(Wait::ForEvent));
    assert_eq!(fs.allows_start(&started(0), at(500)), Err(Wait::ForEvent));
    assert_eq!(
        fs.allows_start(&finished(30), at(89)),
        Err(Wait::Until(at(90)))
    );
    assert_eq!(fs.allows_start(&finished(30), at(90)), Ok(()));
}

#[test]
fn finish_to_start_without_lag_lets_the_successor_start_the_moment_it_is_done() {
    let fs = dependency(FinishToStart, 0);
    assert_eq!(fs.allows_start(&started(0), at(30)), Err(Wait::ForEvent));
    assert_eq!(fs.allows_start(&finished(30), at(30)), Ok(()));
}

#[test]
fn finish_to_start_with_a_lead_still_needs_the_finish_but_not_the_wait() {
    let fs = dependency(FinishToStart, -30);
    assert_eq!(fs.allows_start(&started(0), at(100)), Err(Wait::ForEvent));
    assert_eq!(fs.allows_start(&finished(30), at(30)), Ok(()));
}

#[test]
fn start_to_start_waits_for_the_start_and_then_the_lag() {
    let ss = dependency(StartToStart, 15);
    assert_eq!(ss.allows_start(&pending(), at(0)), Err(Wait::ForEvent));
    assert_eq!(
        ss.allows_start(&started(10), at(24)),
        Err(Wait::Until(at(25)))
    );
    assert_eq!(ss.allows_start(&started(10), at(25)), Ok(()));
    assert_eq!(ss.allows_start(&finished(5), at(15)), Ok(()));
}

#[test]
fn start_to_start_without_lag_or_with_a_lead_goes_once_the_predecessor_started() {
    for lag in [0, -20] {
        let ss = dependency(StartToStart, lag);
        assert_eq!(
            ss.allows_start(&pending(), at(0)),
            Err(Wait::ForEvent),
            "{lag}"
        );
        assert_eq!(ss.allows_start(&started(10), at(10)), Ok(()), "{lag}");
    }
}

#[test]
fn finish_to_finish_holds_back_the_completion_not_the_start() {
    let ff = dependency(FinishToFinish, 20);
    assert_eq!(ff.gate(), Gate::Complete);
    assert_eq!(ff.allows_start(&pending(), at(0)), Ok(()));
    assert_eq!(
        ff.allows_completion(&started(0), at(100)),
        Err(Wait::ForEvent)
    );
    assert_eq!(
        ff.allows_completion(&finished(30), at(49)),
        Err(Wait::Until(at(50)))
    );
    assert_eq!(ff.allows_completion(&finished(30), at(50)), Ok(()));
}

#[test]
fn finish_to_finish_without_lag_or_with_a_lead_completes_once_the_predecessor_is_done() {
    for lag in [0, -45] {
        let ff = dependency(FinishToFinish, lag);
        assert_eq!(
            ff.allows_completion(&started(0), at(60)),
            Err(Wait::ForEvent),
            "{lag}"
        );
        assert_eq!(ff.allows_completion(&finished(30), at(30)), Ok(()), "{lag}");
    }
}

#[test]
fn start_to_finish_holds_back_the_completion_until_the_predecessor_started_and_the_lag() {
    let sf = dependency(StartToFinish, 90);
    assert_eq!(sf.gate(), Gate::Complete);
    assert_eq!(sf.allows_start(&pending(), at(0)), Ok(()));
    assert_eq!(sf.allows_completion(&pending(), at(0)), Err(Wait::ForEvent));
    assert_eq!(
        sf.allows_completion(&started(10), at(99)),
        Err(Wait::Until(at(100)))
    );
    assert_eq!(sf.allows_completion(&started(10), at(100)), Ok(()));
}

#[test]
fn start_to_finish_without_lag_or_with_a_lead_completes_once_the_predecessor_started() {
    for lag in [0, -10] {
        let sf = dependency(StartToFinish, lag);
        assert_eq!(
            sf.allows_completion(&pending(), at(60)),
            Err(Wait::ForEvent),
            "{lag}"
        );
        assert_eq!(sf.allows_completion(&started(10), at(10)), Ok(()), "{lag}");
    }
}

#[test]
fn a_lead_counts_from_a_stamp_the_clock_has_not_reached_yet() {
    let fs = dependency(FinishToStart, -30);
    assert_eq!(
        fs.allows_start(&finished(60), at(29)),
        Err(Wait::Until(at(30)))
    );
    assert_eq!(fs.allows_start(&finished(60), at(30)), Ok(()));
}

#[test]
fn a_cancelled_predecessor_holds_nothing_back() {
    for kind in [FinishToStart, StartToStart, FinishToFinish, StartToFinish] {
        let dependency = dependency(kind, 60);
        assert_eq!(
            dependency.allows_start(&cancelled(), at(0)),
            Ok(()),
            "{kind:?}"
        );
        assert_eq!(
            dependency.allows_completion(&cancelled(), at(0)),
            Ok(()),
            "{kind:?}"
        );
    }
}

#[test]
fn a_predecessor_put_back_to_do_keeps_its_start_but_is_not_finished() {
    let put_back = crate::workflow::PredecessorTimes {
        status: TaskStatus::Pending,
        ..started(0)
    };
    assert_eq!(
        dependency(StartToStart, 0).allows_start(&put_back, at(5)),
        Ok(())
    );
    assert_eq!(
        dependency(FinishToStart, 0).allows_start(&put_back, at(5)),
        Err(Wait::ForEvent)
    );
}

#[test]
fn a_finished_predecessor_without_its_stamp_counts_as_finished_long_ago() {
    let unstamped = crate::workflow::PredecessorTimes {
        completed_at: None,
        ..finished(0)
    };
    assert_eq!(
        dependency(FinishToStart, 600).allows_start(&unstamped, at(0)),
        Ok(())
    );
}
