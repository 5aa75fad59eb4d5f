"""photos.making: the missing copies of each photo are made once, in worker processes when
there are several photos, and a photo that cannot be decoded is a problem of its own
that leaves the others made."""

import io

import pytest
from PIL import Image
from photos import process
from photos.making import Order, Workshop, make_copies


def photo_file(path, size=(800, 600), seed=0):
    image = Image.effect_noise(size, 30 + seed).convert("RGB")
    image.save(path, quality=90)
    return process.read_photo(path, decode=False, name=path.name)


def order_for(photo, widths=(320, 640), formats=("avif", "jpeg"), card=True):
    copies = [(w, f, process.cache_key(photo, w, f, process.SETTINGS_FINGERPRINT))
              for w in widths for f in formats]
    return Order(photo, copies, f"card-{photo.sha256}" if card else None)


def test_make_copies_puts_every_missing_copy_and_the_card_in_the_cache(tmp_path):
    order = order_for(photo_file(tmp_path / "a.jpg"))
    outcome = make_copies(order, tmp_path / "cache")
    assert outcome.made == 5 and outcome.problem is None
    cache = process.DerivedCache(tmp_path / "cache")
    for width, fmt, key in order.copies:
        copy = Image.open(io.BytesIO(cache.get(key)))
        assert copy.width == width and copy.format == fmt.upper()
    assert Image.open(io.BytesIO(cache.get(order.card_key))).size == (800, 420)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_workshop_makes_every_order_with_one_worker_or_several(tmp_path, workers):
    orders = {f"p{n}.jpg": order_for(photo_file(tmp_path / f"p{n}.jpg", seed=n), card=False)
              for n in range(3)}
    workshop = Workshop(tmp_path / "cache", workers)
    for name, order in orders.items():
        workshop.order(name, order)
    assert (workshop._pool is not None) == (workers > 1)  # handed over as they came
    outcomes = workshop.finish()
    assert {name: (o.made, o.problem) for name, o in outcomes.items()} == \
        {name: (4, None) for name in orders}
    cache = process.DerivedCache(tmp_path / "cache")
    assert all(cache.get(key) for order in orders.values() for _, _, key in order.copies)


def test_a_photo_cut_short_is_a_problem_and_the_others_are_made(tmp_path):
    good = photo_file(tmp_path / "good.jpg")
    whole = (tmp_path / "cut.jpg")
    photo_file(whole, size=(1600, 1200))
    whole.write_bytes(whole.read_bytes()[:20_000])
    cut = process.read_photo(whole, decode=False, name="images/2027/cut.jpg")
    workshop = Workshop(tmp_path / "cache", 2)
    workshop.order("good.jpg", order_for(good))
    workshop.order("cut.jpg", order_for(cut))
    outcomes = workshop.finish()
    assert outcomes["good.jpg"].problem is None and outcomes["good.jpg"].made == 5
    what, fix = outcomes["cut.jpg"].problem
    assert what.startswith('the photo "images/2027/cut.jpg" is damaged or incomplete')
    assert "copy it again" in fix


def test_a_photo_changed_during_the_build_is_a_problem(tmp_path):
    path = tmp_path / "a.jpg"
    photo = photo_file(path)
    photo_file(path, seed=5)  # replaced after it was read
    outcome = make_copies(order_for(photo), tmp_path / "cache")
    assert outcome.made == 0
    assert outcome.problem[0] == 'the photo "a.jpg" changed while the site was being built'


def test_a_second_pass_finds_every_copy_in_the_cache_and_decodes_nothing(tmp_path, monkeypatch):
    calls = {"encode": 0}
    real_encode = process.encode

    def counting_encode(*args):
        calls["encode"] += 1
        return real_encode(*args)
    monkeypatch.setattr(process, "encode", counting_encode)
    cache = process.DerivedCache(tmp_path / "cache")
    cold = order_for(photo_file(tmp_path / "a.jpg"), formats=("avif", "webp", "jpeg"))
    make_copies(cold, tmp_path / "cache")
    assert calls["encode"] == 7 and cold.photo.decoded  # 6 copies and the card
    # What photos.make_picture does on the next build: order only what the cache lacks.
    warm_photo = process.read_photo(tmp_path / "a.jpg", decode=False, name="a.jpg")
    warm = order_for(warm_photo, formats=("avif", "webp", "jpeg"))
    assert [key for _, _, key in warm.copies if not cache.has(key)] == []
    assert cache.has(warm.card_key) and not warm_photo.decoded and calls["encode"] == 7
