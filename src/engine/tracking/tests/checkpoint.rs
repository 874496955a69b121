//! The checkpoint's fields, keys, plain text and the campaign's checks.

use super::*;

#[test]
fn keys_specs_and_test_ids() {
    let keys: Vec<_> = CheckpointField::ALL.iter().map(|f| f.key()).collect();
    assert_eq!(
        keys,
        ["week", "booked", "held", "opps", "sales", "lost", "invoiced", "revenue"]
    );
    for field in CheckpointField::ALL {
        assert_eq!(CheckpointField::from_key(field.key()), Some(field));
    }
    let bounds = |field: CheckpointField| {
        let spec = field.spec();
        (spec.min, spec.max, spec.max_decimals, spec.default)
    };
    assert_eq!(bounds(CheckpointField::Week), (d("1"), d("160"), 0, ""));
    assert_eq!(bounds(CheckpointField::Held), (d("0"), d("1000000"), 0, ""));
    assert_eq!(
        bounds(CheckpointField::Lost),
        (d("0"), d("1000000"), 0, "0")
    );
    assert_eq!(
        bounds(CheckpointField::Invoiced),
        (d("0"), d("10000000000"), 4, "")
    );
    assert_eq!(
        bounds(CheckpointField::Revenue),
        (d("0"), d("1000000000000"), 4, "")
    );
    assert_eq!(CheckpointField::Invoiced.spec().kind, FieldKind::Money);
    let required: Vec<_> = CheckpointField::ALL
        .into_iter()
        .filter(|f| f.is_required())
        .map(|f| f.key())
        .collect();
    assert_eq!(required, ["week", "booked", "held", "opps", "sales"]);
    assert!(CheckpointField::Revenue.follows_plan() && !CheckpointField::Lost.follows_plan());

    let ids: Vec<_> = TrackFigureId::ALL.iter().map(|id| id.testid()).collect();
    assert_eq!(
        ids,
        [
            "track-pace",
            "track-noshow",
            "track-opp",
            "track-win",
            "track-noshow-post",
            "track-opp-post",
            "track-win-post",
            "track-expected-invoice",
            "track-invoice-gap",
            "track-cost-per-held",
            "track-proj-sales",
            "track-proj-total-cost",
            "track-proj-net-result",
            "track-proj-roi",
            "track-proj-break-even-price",
            "track-loss-probability",
            "track-roi-p10",
            "track-roi-p50",
            "track-roi-p90",
            "track-verdict",
        ]
    );
    for id in TrackFigureId::ALL {
        assert_eq!(TrackFigureId::from_testid(id.testid()), Some(id));
    }
    assert_eq!(TrackFigureId::Verdict.unit(), None);
    assert_eq!(TrackFigureId::Pace.unit(), Some(FigureUnit::Ratio));
    assert_eq!(TrackFigureId::InvoiceGap.unit(), Some(FigureUnit::Money));
}

#[test]
fn checkpoint_link_keys() {
    assert_eq!(checkpoint_key(1, CheckpointField::Week), "chk1.week");
    assert_eq!(
        checkpoint_key(52, CheckpointField::Revenue),
        "chk52.revenue"
    );
    for n in [1, 9, 10, 52] {
        for field in CheckpointField::ALL {
            assert_eq!(
                parse_checkpoint_key(&checkpoint_key(n, field)),
                Some((n, field))
            );
        }
    }
    for refused in [
        "chk0.week",
        "chk53.week",
        "chk10000.week",
        "chk01.week",
        "chk+1.week",
        "chk-1.week",
        "chk.week",
        "chk1week",
        "chk1.",
        "chk1.Week",
        "CHK1.week",
        "chk1.week.x",
        "chk 1.week",
        "chk1.meetings",
        "week",
    ] {
        assert_eq!(parse_checkpoint_key(refused), None, "{refused}");
    }
}

#[test]
fn track_prior_is_a_whole_number_to_1000() {
    assert_eq!(parse_track_prior("20"), Ok(20));
    assert_eq!(parse_track_prior("0"), Ok(0));
    assert_eq!(parse_track_prior(" 1000 "), Ok(1000));
    assert_eq!(
        parse_track_prior("1001"),
        Err(Problem::AboveMax { max: d("1000") })
    );
    assert_eq!(
        parse_track_prior("-1"),
        Err(Problem::BelowMin { min: d("0") })
    );
    assert_eq!(parse_track_prior("2.5"), Err(Problem::NotAWholeNumber));
    assert_eq!(parse_track_prior(""), Err(Problem::Empty));
    assert_eq!(TRACK_PRIOR_SPEC.default, DEFAULT_TRACK_PRIOR.to_string());
    assert_eq!(TRACK_PRIOR_KEY, "track_prior");
    let mut inputs = TrackingInputs::default();
    assert_eq!(inputs.track_prior, 20);
    assert_eq!(inputs.set_track_prior("x"), Err(Problem::NotANumber));
    assert_eq!(inputs.track_prior, 20);
    inputs.set_track_prior("0").unwrap();
    assert_eq!(inputs.track_prior_plain(), "0");
    assert_eq!(inputs.track_prior_problem(), None);
    inputs.track_prior = 5_000; // tampered storage
    assert_eq!(
        inputs.track_prior_problem(),
        Some(Problem::AboveMax { max: d("1000") })
    );
}

#[test]
fn set_plain_clear_and_following() {
    let mut checkpoint = Checkpoint::following(None);
    assert_eq!(checkpoint, chk(1, 0, 0, 0, 0, 0));
    assert_eq!(checkpoint.set(CheckpointField::Week, "4"), Ok(()));
    assert_eq!(checkpoint.set(CheckpointField::Booked, " 24 "), Ok(()));
    assert_eq!(checkpoint.set(CheckpointField::Invoiced, "2880.50"), Ok(()));
    assert_eq!(
        checkpoint.plain(CheckpointField::Invoiced).as_deref(),
        Some("2880.5")
    );
    assert_eq!(checkpoint.plain(CheckpointField::Revenue), None);
    assert_eq!(
        checkpoint.plain(CheckpointField::Week).as_deref(),
        Some("4")
    );
    // Revenue's bound, 10^12, has 13 digits: it is accepted, one step more is not.
    assert_eq!(
        checkpoint.set(CheckpointField::Revenue, "1000000000000"),
        Ok(())
    );
    assert_eq!(
        checkpoint.set(CheckpointField::Revenue, "1000000000000.0001"),
        Err(Problem::AboveMax {
            max: d("1000000000000")
        })
    );
    let before = checkpoint.clone();
    for (field, plain, problem) in [
        (
            CheckpointField::Week,
            "0",
            Problem::BelowMin { min: d("1") },
        ),
        (
            CheckpointField::Week,
            "161",
            Problem::AboveMax { max: d("160") },
        ),
        (CheckpointField::Booked, "2.5", Problem::NotAWholeNumber),
        (
            CheckpointField::Held,
            "1000001",
            Problem::AboveMax { max: d("1000000") },
        ),
        (
            CheckpointField::Sales,
            "-1",
            Problem::BelowMin { min: d("0") },
        ),
        (CheckpointField::Lost, "", Problem::Empty),
        (CheckpointField::Opps, "1e3", Problem::NotANumber),
        (
            CheckpointField::Invoiced,
            "1.00001",
            Problem::TooManyDecimals { max: 4 },
        ),
    ] {
        assert_eq!(checkpoint.set(field, plain), Err(problem), "{plain}");
    }
    assert_eq!(checkpoint, before, "a refused value changes nothing");
    checkpoint.set(CheckpointField::Lost, "3").unwrap();
    checkpoint.clear(CheckpointField::Invoiced);
    checkpoint.clear(CheckpointField::Lost);
    checkpoint.clear(CheckpointField::Week); // required: no default, unchanged
    assert_eq!(checkpoint.invoiced, None);
    assert_eq!(checkpoint.lost, Decimal::ZERO);
    assert_eq!(checkpoint.week, 4);

    // The next checkpoint starts a week later, with the same cumulative values.
    let next = Checkpoint::following(Some(&checkpoint));
    assert_eq!(next.week, 5);
    assert_eq!(next.booked, d("24"));
    assert_eq!(next.revenue, checkpoint.revenue);
    let last = Checkpoint::following(Some(&chk(160, 1, 1, 1, 1, 0)));
    assert_eq!(last.week, 160);
}

#[test]
fn from_plain_needs_every_required_field() {
    use CheckpointField as C;
    let (checkpoint, errors) = Checkpoint::from_plain([
        (C::Week, "4"),
        (C::Booked, "24"),
        (C::Held, "22"),
        (C::Opps, "13"),
        (C::Sales, "4"),
        (C::Lost, "9"),
        (C::Revenue, "24500"),
    ]);
    assert!(errors.is_empty(), "{errors:?}");
    let checkpoint = checkpoint.unwrap();
    assert_eq!(checkpoint.revenue, Some(d("24500")));
    assert_eq!(checkpoint.invoiced, None);
    assert_eq!(
        Checkpoint {
            revenue: None,
            ..checkpoint
        },
        chk(4, 24, 22, 13, 4, 9)
    );

    // Missing and invalid required values: no checkpoint, each reported once.
    let (checkpoint, errors) = Checkpoint::from_plain([
        (C::Week, "4"),
        (C::Booked, "x"),
        (C::Opps, "13"),
        (C::Sales, "4"),
    ]);
    assert_eq!(checkpoint, None);
    assert_eq!(
        errors,
        vec![(C::Booked, Problem::NotANumber), (C::Held, Problem::Empty)]
    );
    // An invalid optional value is reported and keeps its default.
    let (checkpoint, errors) = Checkpoint::from_plain([
        (C::Week, "1"),
        (C::Booked, "2"),
        (C::Held, "2"),
        (C::Opps, "1"),
        (C::Sales, "0"),
        (C::Invoiced, "-5"),
    ]);
    assert_eq!(checkpoint, Some(chk(1, 2, 2, 1, 0, 0)));
    assert_eq!(
        errors,
        vec![(C::Invoiced, Problem::BelowMin { min: d("0") })]
    );
}

fn error(index: usize, field: CheckpointField, problem: CheckpointProblem) -> CheckpointError {
    CheckpointError {
        index,
        field,
        problem,
    }
}

#[test]
fn bounds_that_name_another_field() {
    use CheckpointField as C;
    use CheckpointProblem as P;
    let exceeds = |limit, max: &str| P::Exceeds { limit, max: d(max) };
    // Held above booked, opportunities above held.
    assert_eq!(
        campaign(vec![chk(1, 5, 6, 7, 0, 0)]).validate(),
        vec![
            error(0, C::Held, exceeds(Limit::Booked, "5")),
            error(0, C::Opps, exceeds(Limit::Held, "6")),
        ]
    );
    // Sales and lost over the opportunities: either can be wrong, both say so.
    assert_eq!(
        campaign(vec![chk(1, 10, 10, 5, 4, 3)]).validate(),
        vec![
            error(0, C::Sales, exceeds(Limit::OppsLessLost, "2")),
            error(0, C::Lost, exceeds(Limit::OppsLessSales, "1")),
        ]
    );
    // Lost alone beyond the opportunities: only lost (sales at most 0 holds).
    assert_eq!(
        campaign(vec![chk(1, 10, 10, 3, 0, 5)]).validate(),
        vec![error(0, C::Lost, exceeds(Limit::OppsLessSales, "3"))]
    );
    // Exactly at every bound: fine.
    assert!(campaign(vec![chk(1, 10, 10, 10, 4, 6)])
        .validate()
        .is_empty());
    assert!(campaign(vec![chk(1, 0, 0, 0, 0, 0)]).validate().is_empty());
}

#[test]
fn counts_that_go_back_and_weeks_out_of_order_are_refused() {
    use CheckpointField as C;
    use CheckpointProblem as P;
    let first = chk(3, 10, 9, 6, 2, 1);
    for (field, second) in [
        (C::Booked, chk(4, 9, 9, 6, 2, 1)),
        (C::Held, chk(4, 10, 8, 6, 2, 1)),
        (C::Opps, chk(4, 10, 9, 5, 2, 1)),
        (C::Sales, chk(4, 10, 9, 6, 1, 1)),
        (C::Lost, chk(4, 10, 9, 6, 2, 0)),
    ] {
        let previous = first.number(field).unwrap();
        assert_eq!(
            campaign(vec![first.clone(), second]).validate(),
            vec![error(1, field, P::BelowPrevious { previous })],
            "{}",
            field.key()
        );
    }
    // The same week twice, or an earlier one.
    for week in [3, 2] {
        assert_eq!(
            campaign(vec![first.clone(), chk(week, 10, 9, 6, 2, 1)]).validate(),
            vec![error(1, C::Week, P::NotAfterPrevious { previous: 3 })]
        );
    }
    // Nothing new since the last checkpoint is fine.
    assert!(campaign(vec![first.clone(), chk(4, 10, 9, 6, 2, 1)])
        .validate()
        .is_empty());
    // One problem per field: the bound within the checkpoint comes first.
    assert_eq!(
        campaign(vec![first.clone(), chk(5, 7, 8, 6, 2, 1)]).validate(),
        vec![
            error(1, C::Booked, P::BelowPrevious { previous: d("10") }),
            error(
                1,
                C::Held,
                P::Exceeds {
                    limit: Limit::Booked,
                    max: d("7")
                }
            ),
        ]
    );
    // A stored value out of its own bounds is reported as such.
    let mut tampered = chk(0, 10, 9, 6, 2, 1);
    tampered.invoiced = Some(d("-1"));
    assert_eq!(
        campaign(vec![tampered]).validate(),
        vec![
            error(0, C::Week, P::Invalid(Problem::BelowMin { min: d("1") })),
            error(
                0,
                C::Invoiced,
                P::Invalid(Problem::BelowMin { min: d("0") })
            ),
        ]
    );
}

#[test]
fn at_most_52_checkpoints() {
    let checkpoints: Vec<_> = (1..=54).map(|week| chk(week, 1, 1, 0, 0, 0)).collect();
    let errors = campaign(checkpoints).validate();
    let too_many = CheckpointProblem::TooMany { max: 52 };
    assert_eq!(
        errors,
        vec![
            error(52, CheckpointField::Week, too_many),
            error(53, CheckpointField::Week, too_many)
        ]
    );
    let fifty_two: Vec<_> = (1..=52).map(|week| chk(week, 1, 1, 0, 0, 0)).collect();
    assert!(campaign(fifty_two).validate().is_empty());
}
