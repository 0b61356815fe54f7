"""Custom Rasa NLU components (Rasa 3.6 graph components), listed in config.yml.

- `DutchEntityRules`: keeps only the place names that context makes places, joins
  "postcode name", adds the child's age (or a pregnancy) normalised to months, and who is
  writing (`role`), how urgent it is (`urgency`) and the hospital flags from cues.yml. A message
  that is only a place gets the intent `inform_place`; a message that describes the writer's own
  situation (a role with a place or a hospital flag, or any statement: questions.py) is not a
  question for the collection (`faq`), and neither is a question about a place (the routing
  engine knows the local addresses, the collection does not).
- `ShortReplies`: a message that is, as a whole, a short fixed reply ("thx", "nee bedankt",
  "wis alles") gets the intent the reviewed list short_replies.yml gives it.
- `LanguageGate`: French and English messages get the intent `other_language` and a `language`
  entity, so the bot can answer in that language.
- `SafetyModelComponent`: a small classifier trained beside DIET that only says which safety concern a
  message is about, if any (safety_model.py); it sets `safety_model` on the message.
- `SafetySafeguard`: the last word on safety; see safety_patterns.yml.

The decisions themselves live in age.py, places.py, short_replies.py and safety.py, which have no
Rasa imports and are unit-tested on their own; these classes only move data in and out of Rasa
messages.
"""

from __future__ import annotations

import re
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.age import find_ages
from nlu_components.cues import find_cues
from nlu_components.nlu_files import SAFETY_MODEL_DIR
from nlu_components.places import filter_places
from nlu_components.questions import asks
from nlu_components.safety import Opinion, load_rules
from nlu_components.safety_model import SafetyModel, label_of, read_probe_examples, training_examples
from nlu_components.short_replies import short_reply
from nlu_components.stored_pipeline import StoredPipelineComponent

INTENT = "intent"
SAFETY_MODEL = "safety_model"
RANKING = "intent_ranking"
ENTITIES = "entities"
TEXT = "text"
FALLBACK_INTENT = "nlu_fallback"
OTHER_LANGUAGE = "other_language"
# Set on a message by LanguageGate; SafetySafeguard leaves such messages alone, because its
# patterns are Dutch (the other-language answer gives 112 and 101 in any case).
DETECTED_LANGUAGE = "detected_language"
# Whether a message asks something the FAQ collection may answer (DutchEntityRules): the dialogue
# lets the collection answer such a question first when DIET took it for a concern
# (actions/faq.py, ActionAnswerConcernQuestion).
COLLECTION_QUESTION = "collection_question"
# Set by DutchEntityRules on a message that is only a place or only an age ("Hasselt", "hij is
# 13"): SafetySafeguard leaves the safety model out for it, as nothing else was said that the
# model could weigh.
ENTITY_ONLY = "entity_only"
# Set by SafetySafeguard on every message it looks at: what the message had before the safeguard
# decided (the intent, DIET's best guess apart from the fallback, and its confidence), so that
# tune_safety_model replays from what DIET said rather than from the ranking the safeguard changed
# (since stop 43; before, the tuner worked it out from the changed ranking).
SAFEGUARD_BEFORE = "safeguard_before"
# Words that only Dutch uses among the languages the gate tells apart. The language identifier
# is unreliable on short messages ("er is brand in ons huis" scores as English), so one of these
# words keeps a message Dutch.
# fmt: off
DUTCH_ONLY_WORDS = frozenset([
    "ik", "het", "een", "mijn", "mijne", "ons", "onze", "niet", "nie", "wat", "hoe", "waar", "wij",
    "jij", "zijn", "heeft", "hebben", "kan", "moet", "wil", "kind", "kinderen", "kindje", "er",
    "van", "voor", "naar", "dat", "hij", "zij", "ben", "bent", "geen", "nog", "ook", "maar", "wel",
    "dit", "deze", "mij", "zoon", "dochter", "opvang", "hulp", "kzit", "ge", "gij", "jullie",
    "zeer", "heel",
])
# Everyday words of the answer languages. The identifier also names a language for gibberish
# ("blablabla qwerty" scores as French), so it is only believed when one of these appears.
FOREIGN_WORDS = {
    "fr": frozenset([
        "je", "tu", "il", "elle", "nous", "vous", "ils", "le", "la", "les", "un", "une", "des", "du",
        "est", "et", "pour", "mon", "ma", "mes", "pas", "avec", "qui", "que", "où", "bonjour", "aide",
        "enfant", "enfants", "fils", "fille", "parle", "cherche", "suis", "ai", "besoin", "merci",
    ]),
    "en": frozenset([
        "i", "you", "he", "she", "we", "they", "the", "a", "an", "is", "are", "and", "for", "my",
        "not", "with", "who", "what", "where", "how", "hello", "hi", "help", "child", "children",
        "son", "daughter", "speak", "need", "please", "can", "thanks", "am",
    ]),
}
# fmt: on


def _set_intent(message: Message, name: str) -> None:
    ranking = [entry for entry in message.get(RANKING) or [] if entry.get("name") != name]
    chosen = {"name": name, "confidence": 1.0}
    message.set(INTENT, chosen, add_to_output=True)
    message.set(RANKING, [chosen, *ranking], add_to_output=True)


def _give_way(message: Message, name: str, otherwise: str | None = None, min_confidence: float = 0.0) -> None:
    """Replace the intent `name` by the next one in the ranking.

    The others' confidences are renormalised to sum to one: what DIET thinks of each, given that
    it is not `name` (after `faq` at 0.997, a `basic_needs` at 0.002 is DIET's clear second
    choice, not an unsure one). With `otherwise` (an intent the entity rules are sure of), that
    one is taken instead when the next one has less than `min_confidence`; without it, the
    FallbackClassifier after us judges the next one."""
    ranking = [dict(entry) for entry in message.get(RANKING) or [] if entry.get("name") != name]
    total = sum(float(entry.get("confidence") or 0.0) for entry in ranking)
    for entry in ranking:
        entry["confidence"] = float(entry.get("confidence") or 0.0) / total if total > 0 else 0.0
    if otherwise is not None and (not ranking or ranking[0]["confidence"] < min_confidence):
        message.set(RANKING, ranking, add_to_output=True)
        _set_intent(message, otherwise)
        return
    if ranking:
        message.set(INTENT, ranking[0], add_to_output=True)
        message.set(RANKING, ranking, add_to_output=True)


# What may stand before a place in a message that only says where: "in Peer", "uit Kapellen",
# "te Vorst", "wij zitten in Bree", "ik woon vlak bij Lier". Anything else (a verb like "zoeken",
# a concern) leaves the intent to DIET.
_PLACE_LEAD = re.compile(
    r"(((ik|wij|we|wij zelf|mijn gezin|ons gezin) )?"
    r"(woon|wonen|woont|zit|zitten|ben|zijn|kom|komen|verblijf|verblijven)"
    r"( hier| nu| zelf)? )?"
    r"(in|te|uit|van|regio|gemeente|de gemeente|postcode|postnummer|in de buurt van|in de regio( van)?|"
    r"vlakbij|vlak bij|dicht bij|omgeving|in de omgeving van|rond)"
)


def _only_a_place(text: str, entities: list[dict[str, Any]], label: str) -> bool:
    """The message is one place name or postcode, alone or after a short lead such as "in" or
    "wij wonen in" (punctuation aside)."""
    places = [e for e in entities if e.get("entity") == label]
    if len(places) != 1:
        return False
    start, end = int(places[0]["start"]), int(places[0]["end"])
    if re.sub(r"[\s.,!?:;]+", "", text[end:]):
        return False
    lead = " ".join(re.sub(r"[.,!?:;]+", " ", text[:start]).lower().split())
    return not lead or bool(_PLACE_LEAD.fullmatch(lead))


# What may stand around an age in a message that only says how old: "hij is 13", "mijn dochter
# is al 16", "onze jongste is net 2", "de kleine is pasgeboren", "een peuter van bijna twee".
# Any other word (a worry, a request) leaves the intent to DIET.
# fmt: off
_AGE_LEAD_WORDS = frozenset([
    "ik", "hij", "ze", "zij", "het", "die", "dat", "is", "ben", "bent", "zijn", "wordt", "word",
    "werd", "heeft", "hebben", "mijn", "onze", "ons", "m'n", "de", "een", "zoon", "zoontje",
    "dochter", "dochtertje", "kind", "kindje", "jongen", "meisje", "jongste", "oudste", "kleine",
    "kleintje", "al", "net", "pas", "bijna", "ongeveer", "zowat", "nog", "zelf", "er", "oud",
    "geworden", "geboren", "sinds", "gisteren", "vandaag", "binnenkort", "en", "van", "twee",
    "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
])
# fmt: on


def _only_an_age(text: str, entities: list[dict[str, Any]], label: str, role: str) -> bool:
    """The message only says how old someone is: one or more ages and words of `_AGE_LEAD_WORDS`
    (a role the cues read from "ik ben 16" may be there too). A pregnancy alone ("ik ben
    zwanger") is not taken: as a first message it is a concern."""
    ages = [e for e in entities if e.get("entity") == label]
    others = [e for e in entities if e.get("entity") not in (label, role)]
    if not ages or others or any(e.get("value") == "pregnant" for e in ages):
        return False
    rest, last = [], 0
    for age in sorted(ages, key=lambda e: int(e["start"])):
        rest.append(text[last : int(age["start"])])
        last = int(age["end"])
    rest.append(text[last:])
    words = re.findall(r"[\w']+", " ".join(rest).lower())
    return all(word in _AGE_LEAD_WORDS for word in words)


class _Stateless(GraphComponent):
    """A component that is not trained and keeps no state between messages."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class DutchEntityRules(_Stateless, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "place_entity": "place",
            "age_entity": "age",
            "role_entity": "role",
            "urgency_entity": "urgency",
            "place_intent": "inform_place",
            "age_intent": "inform_age",
            "question_intent": "faq",
            # A situation the writer tells gives way to the next intent when DIET is at least this
            # sure of it (the FallbackClassifier's threshold), else to inform_role: the role cue
            # that made it a situation is certain, and the triage takes the rest from the entities.
            "situation_min_confidence": 0.35,
            "role_intent": "inform_role",
            "flag_entities": ["necessity_clear", "placement_considered", "local_team_unreachable"],
        }

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = str(message.get(TEXT) or "")
            entities = filter_places(text, list(message.get(ENTITIES) or []), self.config["place_entity"])
            for mention in find_ages(text):
                entities.append(
                    {
                        "entity": self.config["age_entity"],
                        "start": mention.start,
                        "end": mention.end,
                        "value": mention.age.value,
                        "approximate": mention.age.approximate,
                        "confidence_entity": 1.0,
                        "extractor": self.__class__.__name__,
                    }
                )
            for cue in find_cues(text):
                entities.append(
                    {
                        "entity": self.config.get(f"{cue.kind}_entity", cue.kind),
                        "start": cue.start,
                        "end": cue.end,
                        "value": cue.value,
                        "confidence_entity": 1.0,
                        "extractor": self.__class__.__name__,
                    }
                )
            entities.sort(key=lambda entity: int(entity.get("start", 0)))
            message.set(ENTITIES, entities, add_to_output=True)
            if _only_a_place(text, entities, self.config["place_entity"]):
                # "Hasselt" or "9000" alone answers "where?"; DIET has too little to go on.
                _set_intent(message, self.config["place_intent"])
                message.set(ENTITY_ONLY, True, add_to_output=True)
            elif _only_an_age(text, entities, self.config["age_entity"], self.config["role_entity"]):
                # "peuter", "hij is 13" answers "how old?" (stop 33: DIET read some of these as
                # a young child's concern, and the safety model "onze zoon is al 13" as a crisis).
                _set_intent(message, self.config["age_intent"])
                message.set(ENTITY_ONLY, True, add_to_output=True)
            elif self._is_question_intent(message):
                self._keep_only_real_questions(message, text, entities)
            message.set(COLLECTION_QUESTION, self._is_collection_question(text, entities), add_to_output=True)
        return messages

    def _is_collection_question(self, text: str, entities: list[dict[str, Any]]) -> bool:
        """The same test that lets `faq` stand (_keep_only_real_questions), whatever DIET chose."""
        kinds = {str(entity.get("entity")) for entity in entities}
        if self._tells_own_case(kinds) or self.config["place_entity"] in kinds:
            return False
        return asks(text)

    def _is_question_intent(self, message: Message) -> bool:
        return bool((message.get(INTENT) or {}).get("name") == self.config["question_intent"])

    def _keep_only_real_questions(self, message: Message, text: str, entities: list[dict[str, Any]]) -> None:
        """A `faq` message that is no question for the collection gives way to the next intent."""
        kinds = {str(entity.get("entity")) for entity in entities}
        question, unsure = self.config["question_intent"], self.config["situation_min_confidence"]
        if self._tells_own_case(kinds):
            # "ik ben sociaal assistente in het ziekenhuis, de maatschappelijke noodzaak is
            # duidelijk, het gezin woont in Brugge" reads like a werf-2 question, but the writer
            # tells their own case: it needs a route, not an answer from the collection. Unsure
            # of the next intent, the certain role cue decides.
            _give_way(message, question, self.config["role_intent"], unsure)
        elif self.config["place_entity"] in kinds:
            # "waar is het OCMW in Oostende": the answer depends on the place, and the
            # collection has no local addresses; the routing engine gives those. What the
            # question is about is DIET's choice once `faq` is ruled out; unsure of that, the
            # triage starts from the place and asks what it is about.
            _give_way(message, question, self.config["place_intent"], unsure)
        elif not asks(text):
            # "ik heb geen geld voor luiers en melk": a situation, not a question (questions.py).
            _give_way(message, question)

    def _tells_own_case(self, kinds: set[str]) -> bool:
        """A role together with a place or a hospital flag (`kinds`: the entity names found)."""
        told_where_or_what = self.config["place_entity"] in kinds or bool(kinds & set(self.config["flag_entities"]))
        return self.config["role_entity"] in kinds and told_where_or_what


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ShortReplies(_Stateless):
    """After the FallbackClassifier, so a known reply that DIET was unsure of is not a fallback."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = short_reply(str(message.get(TEXT) or ""))
            if intent is not None:
                _set_intent(message, intent)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class LanguageGate(_Stateless):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # Below ~15 characters the identifier guesses ("ok", "Gent"); DIET's own
        # `other_language` examples cover short French and English messages.
        return {"answer_languages": ["fr", "en"], "min_chars": 15, "min_probability": 0.9}

    def __init__(self, config: dict[str, Any]) -> None:
        super().__init__(config)
        self.identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        self.identifier.set_languages(["nl", "fr", "en", "de"])
        self.answer_languages: list[str] = list(config["answer_languages"])

    def detect(self, text: str) -> tuple[str, float]:
        language, probability = self.identifier.classify(text)
        return str(language), float(probability)

    def _closest_answer_language(self, text: str) -> str:
        scores = dict(self.identifier.rank(text))
        return max(self.answer_languages, key=lambda language: scores.get(language, 0.0))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = str(message.get(TEXT) or "").strip()
            language = None
            words = set(re.findall(r"[\w']+", text.lower()))
            dutch = bool(DUTCH_ONLY_WORDS & words)
            if not dutch and len(text) >= self.config["min_chars"]:
                detected, probability = self.detect(text)
                if (
                    detected in self.answer_languages
                    and probability >= self.config["min_probability"]
                    and FOREIGN_WORDS.get(detected, frozenset()) & words
                ):
                    language = detected
            intent = (message.get(INTENT) or {}).get("name")
            if language is None and intent == OTHER_LANGUAGE and not dutch:
                language = self._closest_answer_language(text)
            if language is None:
                continue
            message.set(DETECTED_LANGUAGE, language, add_to_output=True)
            if intent != OTHER_LANGUAGE:
                _set_intent(message, OTHER_LANGUAGE)
            entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != "language"]
            entities.append(
                {
                    # The whole message is in that language; Rasa's tooling expects a span.
                    "entity": "language",
                    "start": 0,
                    "end": len(text),
                    "value": language,
                    "extractor": self.__class__.__name__,
                    "confidence_entity": 1.0,
                }
            )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SafetyModelComponent(StoredPipelineComponent):
    """Trains and runs safety_model.SafetyModel; its opinion goes on the message for the safeguard."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # extra_examples_sha256 is filled in by build_pipeline.py: Rasa fingerprints a component by
        # its config and its inputs, and the extra examples (nlu_files.SAFETY_MODEL_DIR) and the
        # safety rules it reads texts through are neither, so a changed file would otherwise not
        # retrain the model. The other values: see config.yml.
        return {
            "extra_examples_sha256": "",
            "train_on_read_probes": False,
            "regularisation": 16.0,
            "sentence_vector_weight": 1.0,
            "random_seed": 20261124,
        }

    def train(self, training_data: TrainingData) -> Resource:
        if not SAFETY_MODEL_DIR.is_dir():
            raise FileNotFoundError(f"SafetyModel: the extra examples folder {SAFETY_MODEL_DIR} does not exist")
        examples = [
            (str(example.get(TEXT)), label_of(str(example.get(INTENT)))) for example in training_data.intent_examples
        ]
        examples += training_examples([SAFETY_MODEL_DIR])
        if self.config["train_on_read_probes"]:
            examples += read_probe_examples()
        model = SafetyModel.train(examples, **self.classifier_settings())
        return self.store(model.pipeline)

    def process(self, messages: list[Message]) -> list[Message]:
        model = SafetyModel(self.fitted())
        opinions = model.opinions([str(message.get(TEXT) or "") for message in messages])
        for message, opinion in zip(messages, opinions, strict=True):
            value = {
                "probability": round(opinion.probability, 4),
                "concern": opinion.concern,
                "concern_probability": round(opinion.concern_probability, 4),
            }
            message.set(SAFETY_MODEL, value, add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetySafeguard(_Stateless):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # promote_uncertain_safety off: on the held-out set, DIET's below-threshold safety
        # guesses were mostly noise ("mijn auto start niet" -> minor_crisis); the patterns carry
        # recall instead. min_confidence_without_pattern: see config.yml (chosen by
        # cross-validation; 0 keeps every safety prediction of DIET).
        # min_model_probability: when the SafetyModel's opinion counts (see config.yml); None
        # ignores the model. min_model_concern_probability: when the model's concern replaces a
        # safety concern DIET chose alone (see config.yml); None never.
        return {
            "promote_uncertain_safety": False,
            "min_confidence_without_pattern": 0.0,
            "min_model_probability": None,
            "min_model_concern_probability": None,
        }

    def process(self, messages: list[Message]) -> list[Message]:
        rules = load_rules()
        threshold = self.config["min_model_probability"]
        switch = self.config["min_model_concern_probability"]
        for message in messages:
            if message.get(DETECTED_LANGUAGE):
                continue
            current = (message.get(INTENT) or {}).get("name")
            entries = [entry for entry in message.get(RANKING) or [] if entry.get("name") != FALLBACK_INTENT]
            ranking = [entry["name"] for entry in entries]
            confidence = float(entries[0].get("confidence") or 0.0) if entries else 1.0
            if not ranking and current and current != FALLBACK_INTENT:
                ranking = [current]
            opinion = message.get(SAFETY_MODEL)
            entity_only = bool(message.get(ENTITY_ONLY))
            model = None
            if opinion and threshold is not None and not entity_only:
                model = Opinion(
                    float(opinion["probability"]),
                    str(opinion["concern"]),
                    float(opinion.get("concern_probability") or 0.0),
                )
            decision = rules.decide(
                str(message.get(TEXT) or ""),
                ranking,
                promote_uncertain=bool(self.config["promote_uncertain_safety"]),
                confidence=confidence,
                min_confidence_without_pattern=float(self.config["min_confidence_without_pattern"]),
                model=model,
                min_model_probability=float(threshold) if threshold is not None else 1.0,
                min_model_concern_probability=float(switch) if switch is not None else None,
            )
            before = {"intent": current, "diet": ranking[0] if ranking else None, "confidence": round(confidence, 6)}
            message.set(SAFEGUARD_BEFORE, before, add_to_output=True)
            reason = decision.reason
            if entity_only and reason == "unchanged":
                # Recorded, so that tune_safety_model replays it as settled (the model has no say).
                reason = "entity-only"
            message.set("safeguard", reason, add_to_output=True)
            if decision.tie_break:
                message.set("safeguard_tie_break", decision.tie_break, add_to_output=True)
            if (
                decision.intent
                and decision.intent != current
                and (decision.reason != "unchanged" or decision.tie_break)
            ):
                _set_intent(message, decision.intent)
        return messages
