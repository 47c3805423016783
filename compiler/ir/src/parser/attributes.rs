//! Attributes in the text: `3 : i64`, `1.5 : f64`, `true`, `"text"`, a type, `@symbol`,
//! `[a, b]`, `{key = value}`.

use std::collections::BTreeMap;

use super::{Parser, Result};
use crate::attribute::Attribute;
use crate::types::Type;

impl Parser<'_, '_> {
    pub(super) fn dict(&mut self) -> Result<BTreeMap<String, Attribute>> {
        self.expect("{")?;
        let mut entries = BTreeMap::new();
        if !self.eat("}") {
            self.comma_list(|p| {
                p.skip_trivia();
                let position = p.position;
                let key = p.word().to_string();
                if key.is_empty() {
                    return Err(p.error("expected an attribute name"));
                }
                p.expect("=")?;
                let value = p.attribute()?;
                if entries.insert(key.clone(), value).is_some() {
                    return Err(p.error_at(position, format!("duplicate attribute `{key}`")));
                }
                Ok(())
            })?;
            self.expect("}")?;
        }
        Ok(entries)
    }

    pub(super) fn attribute(&mut self) -> Result<Attribute> {
        self.skip_trivia();
        let first = self.rest().chars().next().unwrap_or(' ');
        if first == '"' {
            self.string()
        } else if first == '@' {
            self.position += 1;
            Ok(Attribute::SymbolRef(self.symbol_name("a symbol name after `@`")?))
        } else if self.eat("[") {
            let mut elements = Vec::new();
            if !self.eat("]") {
                elements = self.comma_list(Self::attribute)?;
                self.expect("]")?;
            }
            Ok(Attribute::Array(elements))
        } else if first == '{' {
            Ok(Attribute::Dict(self.dict()?))
        } else if first.is_ascii_digit() || first == '-' {
            self.number()
        } else if self.keyword("true") {
            Ok(Attribute::Bool(true))
        } else if self.keyword("false") {
            Ok(Attribute::Bool(false))
        } else {
            Ok(Attribute::Type(self.ty()?))
        }
    }

    /// A bare word or a quoted string (no trivia skipped): what `write_symbol_name` writes.
    pub(super) fn symbol_name(&mut self, what: &str) -> Result<String> {
        let start = self.position;
        let name = if self.rest().starts_with('"') {
            let Attribute::String(name) = self.string()? else { unreachable!() };
            name
        } else {
            self.word().to_string()
        };
        if name.is_empty() {
            return Err(self.error_at(start, format!("expected {what}")));
        }
        Ok(name)
    }

    pub(super) fn keyword(&mut self, keyword: &str) -> bool {
        let start = self.position;
        if self.word() == keyword {
            true
        } else {
            self.position = start;
            false
        }
    }

    pub(super) fn number(&mut self) -> Result<Attribute> {
        let start = self.position;
        let length = self
            .rest()
            .char_indices()
            .find(|&(i, c)| {
                !(c.is_ascii_alphanumeric()
                    || c == '.'
                    || (c == '-' && (i == 0 || self.rest()[..i].ends_with(['e', 'E'])))
                    || c == '+')
            })
            .map_or(self.rest().len(), |(i, _)| i);
        let literal = &self.text[start..start + length];
        self.position += length;
        self.expect(":")?;
        let ty = self.ty()?;
        let bad = || self.error_at(start, format!("invalid number `{literal}` for type {ty}"));
        if let Some(hex) = literal.strip_prefix("0x") {
            let bits = u64::from_str_radix(hex, 16).map_err(|_| bad())?;
            return match ty {
                Type::Float(_) => Ok(Attribute::Float { bits, ty }),
                _ => Ok(Attribute::Integer { value: bits.into(), ty }),
            };
        }
        if ty.is_float() {
            let value: f64 = literal.parse().map_err(|_| bad())?;
            Ok(Attribute::float(value, ty))
        } else {
            let value: i128 = literal.parse().map_err(|_| bad())?;
            Ok(Attribute::Integer { value, ty })
        }
    }

    pub(super) fn string(&mut self) -> Result<Attribute> {
        let start = self.position;
        self.expect("\"")?;
        let mut text = String::new();
        let mut chars = self.rest().char_indices();
        loop {
            let Some((index, c)) = chars.next() else {
                return Err(self.error_at(start, "unterminated string"));
            };
            match c {
                '"' => {
                    self.position += index + 1;
                    return Ok(Attribute::String(text));
                }
                '\\' => match chars.next() {
                    Some((_, 'n')) => text.push('\n'),
                    Some((_, 't')) => text.push('\t'),
                    Some((_, '"')) => text.push('"'),
                    Some((_, '\\')) => text.push('\\'),
                    Some((_, 'u')) => {
                        let rest: String =
                            chars.by_ref().map(|(_, c)| c).take_while(|&c| c != '}').collect();
                        let code = rest
                            .strip_prefix('{')
                            .and_then(|hex| u32::from_str_radix(hex, 16).ok());
                        match code.and_then(char::from_u32) {
                            Some(c) => text.push(c),
                            None => return Err(self.error_at(start, "invalid `\\u{..}` escape")),
                        }
                    }
                    _ => return Err(self.error_at(start, "invalid escape in string")),
                },
                c => text.push(c),
            }
        }
    }
}
