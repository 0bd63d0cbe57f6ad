"""The sentence encoder (coach/nlp/encoder.py, on onnxruntime) and its Rasa featurizer.

Needs build/encoder/ (``make encoder``); without it every test here fails with the
encoder's own one-line error saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from coach.nlp.encoder import (
    CONFIG_FILE,
    DIM,
    TOKENIZER_FILE,
    WEIGHTS_FILE,
    EncoderFilesError,
    SentenceEncoder,
    get_encoder,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
ENCODER_DIR = REPO_ROOT / "build" / "encoder"


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return get_encoder(ENCODER_DIR)


def test_reproduces_the_sentence_transformers_readme_similarities(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    assert vectors.shape == (3, DIM) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarities = vectors @ vectors.T
    assert similarities[0, 1] == pytest.approx(0.6660, abs=5e-4)
    assert similarities[0, 2] == pytest.approx(0.1046, abs=5e-4)
    assert similarities[1, 2] == pytest.approx(0.1411, abs=5e-4)


def test_batching_and_padding_do_not_change_a_text_s_vector(encoder: SentenceEncoder) -> None:
    texts = ["ok", "I lied to her about where I was last weekend and I regret it", "", "thanks!"]
    together = encoder.encode(texts, batch_size=3)
    one_by_one = np.concatenate([encoder.encode([text]) for text in texts])
    np.testing.assert_allclose(together, one_by_one, atol=1e-5)
    assert encoder.encode([]).shape == (0, DIM)
    with pytest.raises(TypeError):
        encoder.encode("not a list")  # type: ignore[arg-type]


def test_long_texts_are_truncated_to_256_tokens(encoder: SentenceEncoder) -> None:
    # "sorry" is one WordPiece token: both texts keep [CLS] + 254 x "sorry" + [SEP].
    long, longer = encoder.encode(["sorry " * 300, "sorry " * 1000])
    np.testing.assert_allclose(long, longer, atol=1e-6)


def _assert_one_line_error(directory: Path, *expected_parts: str) -> None:
    with pytest.raises(EncoderFilesError) as raised:
        SentenceEncoder.load(directory)
    message = str(raised.value)
    assert "\n" not in message
    for part in ("make encoder", *expected_parts):
        assert part in message


def test_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    _assert_one_line_error(tmp_path, str(tmp_path / WEIGHTS_FILE), "missing")


def test_wrong_hash_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / WEIGHTS_FILE).write_bytes(b"\x08" + b"\x00" * 7 + b"{}")
    _assert_one_line_error(tmp_path, str(tmp_path / WEIGHTS_FILE), "sha256")

    (tmp_path / WEIGHTS_FILE).unlink()
    (tmp_path / WEIGHTS_FILE).symlink_to(ENCODER_DIR / WEIGHTS_FILE)
    shutil.copy(ENCODER_DIR / CONFIG_FILE, tmp_path / CONFIG_FILE)
    # Still valid JSON, only one byte longer: the hash check is what stops it.
    (tmp_path / TOKENIZER_FILE).write_bytes((ENCODER_DIR / TOKENIZER_FILE).read_bytes() + b"\n")
    _assert_one_line_error(tmp_path, str(tmp_path / TOKENIZER_FILE), "sha256")


def test_rasa_component_adds_a_384_dim_sentence_feature(encoder: SentenceEncoder) -> None:
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.rasa.sentence_features import SENTENCE_EMBEDDING, SentenceFeaturizer

    config = {**SentenceFeaturizer.get_default_config(), "model_path": str(ENCODER_DIR)}
    component = SentenceFeaturizer(config, "sentence_featurizer")
    assert component._encoder is encoder  # one instance per process and directory

    message = Message(data={TEXT: "I want to rebuild her trust"})
    no_text = Message(data={"action_name": "utter_greet"})
    component.process([message, no_text])

    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence is None
    assert sentence is not None and sentence.features.shape == (1, DIM)
    embedding = message.get(SENTENCE_EMBEDDING)
    assert embedding.shape == (DIM,)
    np.testing.assert_allclose(embedding, encoder.encode(["I want to rebuild her trust"])[0], atol=1e-6)
    np.testing.assert_allclose(sentence.features[0], 10.0 * embedding, rtol=1e-6)
    assert not no_text.features and no_text.get(SENTENCE_EMBEDDING) is None

    examples = [Message(data={TEXT: "hello", "intent": "greet"})]
    component.process_training_data(TrainingData(training_examples=examples))
    assert examples[0].get_dense_features(TEXT)[1].features.shape == (1, DIM)


def test_the_classifier_feature_blends_in_the_middle_layer_while_the_embedding_stays_the_sentence_one(
    encoder: SentenceEncoder,
) -> None:
    from rasa.shared.exceptions import InvalidConfigException
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa.sentence_features import SENTENCE_EMBEDDING, SentenceFeaturizer

    text = "she keeps asking where i was and i cant prove it"
    config = {**SentenceFeaturizer.get_default_config(), "model_path": str(ENCODER_DIR), "scale": 20, "middle_weight": 1.0}
    message = Message(data={TEXT: text})
    SentenceFeaturizer(config, "sentence_featurizer").process([message])

    last, middle = encoder.encode_layers([text])[0]
    feature = message.get_dense_features(TEXT)[1].features[0]
    blended = (last + middle) / np.linalg.norm(last + middle)
    np.testing.assert_allclose(feature, 20 * blended, rtol=1e-5, atol=1e-6)
    # the safety net and the vote read the sentence embedding itself, not the blend
    np.testing.assert_allclose(message.get(SENTENCE_EMBEDDING), last, atol=1e-6)
    assert float(last @ blended) < 0.999

    for bad in ({"middle_weight": -0.5}, {"middle_weight": "1"}, {"scale": 0}, {"middle_weight": True}):
        with pytest.raises(InvalidConfigException):
            SentenceFeaturizer.validate_config({**config, **bad})
    SentenceFeaturizer.validate_config({**config, "middle_weight": 0})


def test_encoder_does_not_import_torch_tensorflow_or_rasa() -> None:
    code = (
        "import sys\n"
        "from coach.nlp.encoder import SentenceEncoder\n"
        f"SentenceEncoder.load({str(ENCODER_DIR)!r}).encode(['hello'])\n"
        "roots = {name.split('.')[0] for name in sys.modules}\n"
        "print(sorted(roots & {'torch', 'tensorflow', 'rasa', 'rasa_sdk', 'telegram', 'all_minilm_l6_v2', 'onnx'}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_featurized_message_is_fingerprinted_by_its_embeddings_exact_bytes(encoder: SentenceEncoder) -> None:
    """Rasa fingerprints every training example after each graph node (its training cache);
    the embedding's fingerprint is its bytes' hash (not numpy's printer), exact to the last bit."""
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa.sentence_features import SENTENCE_EMBEDDING, Embedding, SentenceFeaturizer

    config = {**SentenceFeaturizer.get_default_config(), "model_path": str(ENCODER_DIR)}
    component = SentenceFeaturizer(config, "sentence_featurizer")
    same, again, other = (Message(data={TEXT: text}) for text in ("she found the receipts", "she found the receipts", "we barely talk now"))
    component.process([same, again, other])
    assert same.fingerprint() == again.fingerprint() != other.fingerprint()

    embedding = same.get(SENTENCE_EMBEDDING)
    nudged = embedding.copy()
    nudged[0] = np.nextafter(nudged[0], np.float32(2.0))  # one step of float32 away
    assert isinstance(nudged, Embedding) and nudged.fingerprint() != embedding.fingerprint()


def test_encoding_on_several_workers_gives_the_same_rows_to_the_bit(encoder: SentenceEncoder) -> None:
    texts = [f"{word} she found the messages on his phone" * (1 + i % 5) for i, word in enumerate("abcdefghijklmnopqrstuvwxyz")]
    alone = encoder.encode(texts, batch_size=4)
    together = encoder.encode(texts, batch_size=4, workers=2)
    assert np.array_equal(alone, together)
