"""What the two scikit-learn components beside DIET share: Rasa's life cycle and the storage of
their fitted pipeline (the safety model in components.py, the second opinion in second_opinion.py).

A subclass fits its pipeline in `train` and hands it to `store`; `load` gives it back fitted. The
sentence encoder is never part of the stored pipeline (safety_model.SentenceVectors).
"""

from __future__ import annotations

from typing import Any, TypedDict

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.pipeline import Pipeline


class ClassifierSettings(TypedDict):
    """The arguments of safety_model.text_classifier, as both models' `train` take them."""

    regularisation: float
    seed: int
    sentence_vector_weight: float


class StoredPipelineComponent(GraphComponent):
    PIPELINE_FILE = "pipeline.joblib"

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.pipeline = pipeline

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> GraphComponent:
        with model_storage.read_from(resource) as directory:
            pipeline = joblib.load(directory / cls.PIPELINE_FILE)
        return cls(config, model_storage, resource, pipeline)

    def classifier_settings(self) -> ClassifierSettings:
        """The classifier's settings from the component's config (config.yml)."""
        return ClassifierSettings(
            regularisation=float(self.config["regularisation"]),
            seed=int(self.config["random_seed"]),
            sentence_vector_weight=float(self.config["sentence_vector_weight"]),
        )

    def store(self, pipeline: Pipeline) -> Resource:
        self.pipeline = pipeline
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(pipeline, directory / self.PIPELINE_FILE)
        return self._resource

    def fitted(self) -> Pipeline:
        if self.pipeline is None:
            raise RuntimeError(f"{type(self).__name__} was used before it was trained or loaded")
        return self.pipeline

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
