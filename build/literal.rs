//! A serde serializer whose output is a Rust expression that builds the value serialized:
//! `Name { field: String::from("…"), list: vec![…], map: [(k, v)].into_iter().collect() }`.
//!
//! It serves the build script, which writes the embedded TOML tables out as Rust (see
//! src/domain/tables.rs). Struct and field names are written as serde reports them, so a
//! type with renamed fields would not compile: the compiler, not a test, catches it. Only the
//! shapes the tables use are supported; anything else is an error at build time.

use std::fmt::{self, Display, Write as _};

use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unsupported(what: &str) -> Error {
    Error(format!(
        "the table holds a {what}, which build/literal.rs does not write"
    ))
}

/// The Rust expression that builds `value`.
pub fn to_rust<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut out = Literal(String::new());
    value.serialize(&mut out)?;
    Ok(out.0)
}

pub struct Literal(String);

impl Literal {
    fn push(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// Writes `open` and starts a list, map or struct that `close` ends.
    fn open(&mut self, open: &str, close: &'static str) -> Compound<'_> {
        self.push(open);
        Compound {
            out: self,
            first: true,
            close,
        }
    }
}

/// A list, map or struct being written: whether an element was written yet, and what
/// closes it.
pub struct Compound<'a> {
    out: &'a mut Literal,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.out.push(", ");
        }
        self.first = false;
    }

    fn close(self) -> Result<(), Error> {
        self.out.push(self.close);
        Ok(())
    }
}

macro_rules! integers {
    ($($method:ident: $ty:ty,)*) => {
        $(fn $method(self, v: $ty) -> Result<(), Error> {
            let _ = write!(self.0, "{v}{}", stringify!($ty));
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Literal {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(if v { "true" } else { "false" });
        Ok(())
    }

    integers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
    }

    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("float"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(unsupported("float"))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let _ = write!(self.0, "{v:?}");
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        // Debug writes a valid Rust string literal (quotes and controls escaped).
        let _ = write!(self.0, "String::from({v:?})");
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("byte string"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push("None");
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        self.push("Some(");
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push("()");
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.push(name);
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        let _ = write!(self.0, "{name}::{variant}");
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let _ = write!(self.0, "{name}(");
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let _ = write!(self.0, "{name}::{variant}(");
        value.serialize(&mut *self)?;
        self.push(")");
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open("vec![", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported("tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        // Any map type the field has (BTreeMap, HashMap) is collected from its pairs.
        Ok(self.open("[", "].into_iter().collect()"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(&format!("{name} {{ "), " }"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("struct variant"))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        self.out.push("(");
        key.serialize(&mut *self.out)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.out.push(", ");
        value.serialize(&mut *self.out)?;
        self.out.push(")");
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.separate();
        let _ = write!(self.out.0, "{key}: ");
        value.serialize(&mut *self.out)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}
